"""Jupyter's own kernel conformance suite (jupyter_kernel_test, Debian's python3-jupyter-kernel-test) on the L1Lab kernel.

usage: python3 kernel_conformance.py KERNEL_NAME > results.json

The kernel is found by name through JUPYTER_PATH. Every test KernelTests offers gets a C# sample, so none skips for
want of one; every message the kernel sends is validated against the suite's messaging schemas. Prints
{"offered": [test names], "results": {test name: [problems]}} where a problem is a failure, error or skip (of the
test or one of its subtests); an empty list means the test passed.
"""
import json
import sys
import unittest

import jupyter_kernel_test

# A loaded 2-core CI machine compiles a first C# cell in seconds, not milliseconds.
REPLY_TIMEOUT = 120


class L1LabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = sys.argv[1] if len(sys.argv) > 1 else "l1lab-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("a warning on stderr");'
    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "System.Math.Ab", "matches": {"Abs"}},
    ]
    complete_code_samples = ["1 + 2", "var x = 1;", "class Point { public int X; }", 'Console.WriteLine("done");']
    incomplete_code_samples = ["if (x > 0) {", "var ys = new[] { 1, 2,", "Enumerable.Range(0, 3).Select(i =>"]
    invalid_code_samples = ["var = ;", "int 2x = 1;", "Console.WriteLine(\"a\"));"]
    # IPython's help syntax: the documentation goes to the pager.
    code_page_something = "Math.Abs?"
    code_generate_error = 'throw new InvalidOperationException("on purpose");'
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "6 * 7", "result": "42"},
        {"code": "Math.Max(2, 5)", "result": "5"},
    ]
    code_display_data = [
        {"code": "display(42);", "mime": "text/plain"},
        {"code": 'class Badge { public string ToHtml() => "<b>L1</b>"; }\ndisplay(new Badge());', "mime": "text/html"},
        {"code": 'var shown = display("epoch 1");\nshown.Update("epoch 2");', "mime": "text/plain"},
    ]
    # Matches exactly one of code_execute_result's inputs (the unique search finds one).
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.Abs"
    code_clear_output = 'Console.WriteLine("gone");\nclear_output();'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Compile a first cell before the suite's 15-second replies start counting.
        cls.kc.execute_interactive("0", timeout=300, output_hook=lambda msg: None)

    def execute_helper(self, code, timeout=REPLY_TIMEOUT, **kwargs):
        return super().execute_helper(code, timeout=max(timeout, REPLY_TIMEOUT), **kwargs)

    def get_non_kernel_info_reply(self, timeout=None):
        return super().get_non_kernel_info_reply(timeout=REPLY_TIMEOUT if timeout is None else max(timeout, REPLY_TIMEOUT))


class Recorder(unittest.TestResult):
    """Collects, per test method, every failure, error and skip, including those of subtests."""

    def __init__(self):
        super().__init__()
        self.problems = {}

    def _name(self, test):
        test = getattr(test, "test_case", test)
        return test._testMethodName

    def _note(self, test, text):
        self.problems.setdefault(self._name(test), []).append(text)

    def startTest(self, test):
        super().startTest(test)
        self.problems.setdefault(self._name(test), [])

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._note(test, "failure: " + self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._note(test, "error: " + self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._note(test, f"skipped {test.id()}: {reason or 'no reason given'}")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            kind = "failure" if issubclass(err[0], test.failureException) else "error"
            self._note(test, f"{kind} in {subtest.id()}: " + self._exc_info_to_string(err, test))


def main():
    offered = sorted(n for n in dir(jupyter_kernel_test.KernelTests) if n.startswith("test_"))
    suite = unittest.TestLoader().loadTestsFromTestCase(L1LabKernelTests)
    result = Recorder()
    suite.run(result)
    json.dump({"version": jupyter_kernel_test.__version__, "offered": offered, "results": result.problems}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
