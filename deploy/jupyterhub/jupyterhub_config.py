# JupyterHub configuration for an L1Lab course server (Debian 12's jupyterhub 3.0 and configurable-http-proxy).
# setup.sh installs it next to l1lab-hub.json, which says where the course and the kernel are. Environment variables
# (all optional) override the defaults: L1LAB_HUB_IP, L1LAB_HUB_PORT (the address learners open),
# L1LAB_HUB_TEACHER_TOKEN (an API token for the "teacher" service: start servers, make tokens, for scripts and tests),
# L1LAB_LEARNER_MEMORY (bytes of private memory per process, default 3 GiB), L1LAB_LEARNER_PROCESSES (processes and
# threads per learner, default 512), L1LAB_KERNEL_IDLE_SECONDS (default 1800), L1LAB_SERVER_IDLE_SECONDS (default 3600).
import json
import os
import subprocess

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "l1lab-hub.json"), encoding="utf-8") as f:
    settings = json.load(f)
env = os.environ.get
c = get_config()  # noqa: F821 (provided by JupyterHub)

# Addresses: everything on loopback unless told otherwise; put a TLS reverse proxy (nginx, caddy) in front for a class.
ip = env("L1LAB_HUB_IP", "127.0.0.1")
port = int(env("L1LAB_HUB_PORT", "8000"))
c.JupyterHub.bind_url = f"http://{ip}:{port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{port + 1}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = ["/usr/bin/configurable-http-proxy"]
# Debian's proxy finds its modules only through NODE_PATH when another Node.js comes first on PATH.
os.environ["NODE_PATH"] = "/usr/share/nodejs"
os.environ["PATH"] = "/usr/bin:/bin:/usr/sbin:/sbin:" + os.environ.get("PATH", "")
c.JupyterHub.db_url = f"sqlite:///{os.path.join(here, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(here, "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = os.path.join(here, "jupyterhub-proxy.pid")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Learners are the server's system users in the group add-learners.sh creates; they log in with their password (PAM).
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.allowed_groups = {settings.get("group", "l1lab-learners")}
c.Authenticator.admin_users = set(settings.get("teachers", []))

# Each learner's server runs as that learner (LocalProcessSpawner; the "simple" spawner runs as root, which
# Notebook 6.4 refuses). Limits with prlimit, inherited by the learner's kernels: private memory per process
# (RLIMIT_DATA) and processes/threads per learner (RLIMIT_NPROC counts per user). CPU is shared by the kernel's
# fair scheduler; with systemd, l1lab-hub.service caps the whole class's memory.
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
memory = int(env("L1LAB_LEARNER_MEMORY", str(3 << 30)))
processes = int(env("L1LAB_LEARNER_PROCESSES", "512"))
c.Spawner.cmd = ["/usr/bin/prlimit", f"--data={memory}", f"--nproc={processes}", "--", "/usr/bin/jupyterhub-singleuser"]
c.Spawner.mem_limit = memory
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/tree/l1lab/notebooks"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60
c.Spawner.environment = {
    "JUPYTER_PATH": settings["kernel_path"],
    "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    "DOTNET_NOLOGO": "1",
}
# Idle culling without extra packages: Notebook 6.4 stops kernels idle for L1LAB_KERNEL_IDLE_SECONDS and the whole
# server after L1LAB_SERVER_IDLE_SECONDS without activity; the learner's next visit starts it again in ~2 s.
c.Spawner.args = [
    f"--MappingKernelManager.cull_idle_timeout={int(env('L1LAB_KERNEL_IDLE_SECONDS', '1800'))}",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=True",
    f"--NotebookApp.shutdown_no_activity_timeout={int(env('L1LAB_SERVER_IDLE_SECONDS', '3600'))}",
]


def place_release(spawner):
    """Before a learner's server starts: the student release into ~/l1lab/notebooks, never over their own files."""
    subprocess.run([settings["place_release"], settings["course"], spawner.user.name], check=True, timeout=120)


c.Spawner.pre_spawn_hook = place_release

# A service token for the teacher's scripts (and the hub test): manage users and servers, issue tokens.
teacher_token = env("L1LAB_HUB_TEACHER_TOKEN")
if teacher_token:
    c.JupyterHub.services = [{"name": "teacher", "api_token": teacher_token}]
    c.JupyterHub.load_roles = [{
        "name": "teacher",
        "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "read:users"],
        "services": ["teacher"],
    }]
