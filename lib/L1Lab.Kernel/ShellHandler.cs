using System.Text.Json.Nodes;
using L1Lab.Notebooks;

namespace L1Lab.Kernel;

/// <summary>
/// Answers shell requests one at a time, in the order they arrived, on the kernel's execution worker (never on the
/// socket thread): kernel_info, execute, is_complete, complete, inspect, comm_info and history. An execute_request
/// publishes busy, execute_input, the cell's streams, displays, result or error, then idle, and replies with ok or error.
/// A cell that is only a name followed by <c>?</c> (or <c>??</c> for more detail) is a help query, as in IPython: its
/// documentation comes back as a pager payload instead of being run.
/// </summary>
internal sealed class ShellHandler(string session, Action<KernelChannel, JupyterMessage> send, Func<NotebookSession> sessionFactory, TextWriter log)
{
    readonly object _gate = new();
    CancellationTokenSource? _running;
    readonly NotebookSession _notebook = sessionFactory();
    readonly SessionWorkspace _workspace = new();
    readonly ExecutionHistory _history = new();
    Task _editor = Task.CompletedTask;
    int _executionCount;

    /// <summary>
    /// Starts loading Roslyn's editor features (MEF composition, reference pack, a first completion and hover) in the
    /// background, so a learner's first completion does not wait for them. Requests that need the editor wait for it.
    /// </summary>
    public void WarmUp()
    {
        var submissions = _notebook.Submissions.ToList();
        var options = _notebook.ScriptOptions;
        _editor = Task.Run(async () =>
        {
            _workspace.Sync(submissions, options);
            await CodeCompletion.CompleteAsync(_workspace, "System.Math.Ab", 14).ConfigureAwait(false);
            await CodeInspection.InspectAsync(_workspace, "System.Math.Abs(1)", 15, 1).ConfigureAwait(false);
        });
    }

    /// <summary>Cancels the running cell, if any (safe from any thread).</summary>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_running is null) return false;
            _running.Cancel();
            return true;
        }
    }

    /// <summary>Handles one request, between busy and idle status messages.</summary>
    public async Task HandleAsync(JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            switch (request.MessageType)
            {
                case "kernel_info_request":
                    Reply(request, "kernel_info_reply", KernelInfo.Reply());
                    break;
                case "execute_request":
                    await ExecuteAsync(request).ConfigureAwait(false);
                    break;
                case "is_complete_request":
                    var completeness = CodeCompleteness.Check(JupyterMessage.Text(request.Content, "code"));
                    var isComplete = new JsonObject { ["status"] = completeness.Status };
                    if (completeness.Status == "incomplete") isComplete["indent"] = completeness.Indent;
                    Reply(request, "is_complete_reply", isComplete);
                    break;
                case "complete_request":
                    Reply(request, "complete_reply", await CompleteAsync(request.Content).ConfigureAwait(false));
                    break;
                case "inspect_request":
                    Reply(request, "inspect_reply", await InspectAsync(request.Content).ConfigureAwait(false));
                    break;
                case "comm_info_request":
                    Reply(request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "history_request":
                    Reply(request, "history_reply", _history.Reply(request.Content));
                    break;
                case "comm_open" or "comm_msg" or "comm_close":
                    break; // No comm targets: ignored, as the protocol allows.
                default:
                    log.WriteLine($"l1lab kernel: ignored shell message of unknown type \"{request.MessageType}\"");
                    break;
            }
        }
        catch (Exception e)
        {
            // A kernel bug must not kill the kernel; the front end gets an error reply where one is expected.
            log.WriteLine($"l1lab kernel: {request.MessageType} failed: {e}");
            if (request.MessageType.EndsWith("_request", StringComparison.Ordinal))
                Reply(request, request.MessageType.Replace("_request", "_reply", StringComparison.Ordinal), new JsonObject
                {
                    ["status"] = "error",
                    ["ename"] = e.GetType().Name,
                    ["evalue"] = e.Message,
                    ["traceback"] = new JsonArray(),
                });
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    async Task ExecuteAsync(JupyterMessage request)
    {
        var code = JupyterMessage.Text(request.Content, "code");
        var silent = JupyterMessage.Flag(request.Content, "silent", false);
        var storeHistory = !silent && JupyterMessage.Flag(request.Content, "store_history", true);
        if (storeHistory) _executionCount++;
        var count = _executionCount;
        if (!silent)
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        if (HelpQuery.Parse(code) is { } query)
        {
            if (storeHistory) _history.Add(count, code, null);
            await AnswerHelpQueryAsync(request, query, count, silent).ConfigureAwait(false);
            return;
        }

        CellResult result;
        using (var cancellation = new CancellationTokenSource())
        {
            lock (_gate) _running = cancellation;
            try
            {
                // Streams and displays go out as they happen, so a long training cell shows its progress.
                result = await _notebook.ExecuteCellAsync(code, cancellation.Token, silent ? null : output => PublishOutput(output, count, request)).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate) _running = null;
            }
        }

        if (!silent)
            foreach (var output in result.Outputs.Where(o => o is ExecuteResultOutput or ErrorOutput))
                PublishOutput(output, count, request);
        if (storeHistory)
            _history.Add(count, code, result.Outputs.OfType<ExecuteResultOutput>().FirstOrDefault()?.Bundle.PlainText);

        if (result.Error is { } error)
        {
            var content = ErrorContent(new ErrorOutput(error));
            content["status"] = "error";
            content["execution_count"] = count;
            Reply(request, "execute_reply", content);
            return;
        }
        Reply(request, "execute_reply", new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        });
    }

    /// <summary>
    /// Replies to <c>name?</c> with the name's documentation as a pager payload (detail level 1 for <c>name??</c>);
    /// an unknown name gets one line on stdout saying so, as IPython does.
    /// </summary>
    async Task AnswerHelpQueryAsync(JupyterMessage request, HelpQuery query, int count, bool silent)
    {
        await EditorReadyAsync().ConfigureAwait(false);
        var inspection = await CodeInspection.InspectAsync(_workspace, query.Name, query.Name.Length, query.DetailLevel).ConfigureAwait(false);
        var payload = new JsonArray();
        if (inspection is not null)
            payload.Add(new JsonObject
            {
                ["source"] = "page",
                ["data"] = new JsonObject { ["text/plain"] = inspection.PlainText, ["text/markdown"] = inspection.Markdown },
                ["start"] = 0,
            });
        else if (!silent)
            Publish("stream", new JsonObject { ["name"] = "stdout", ["text"] = $"Object `{query.Name}` not found.\n" }, request);
        Reply(request, "execute_reply", new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = payload,
        });
    }

    /// <summary>Waits for the warm-up or the last sync; their failure is logged once and does not fail the request (it syncs again).</summary>
    async Task EditorReadyAsync()
    {
        try
        {
            await _editor.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.WriteLine($"l1lab kernel: editor warm-up failed: {e.Message}");
            _editor = Task.CompletedTask;
        }
        _workspace.Sync(_notebook.Submissions.ToList(), _notebook.ScriptOptions);
    }

    async Task<JsonObject> CompleteAsync(JsonObject content)
    {
        var code = JupyterMessage.Text(content, "code");
        var cursor = content["cursor_pos"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : CodePoints.FromUtf16Index(code, code.Length);
        await EditorReadyAsync().ConfigureAwait(false);
        // The protocol counts the cursor in Unicode code points; strings here count UTF-16 units.
        var answer = await CodeCompletion.CompleteAsync(_workspace, code, CodePoints.ToUtf16Index(code, cursor)).ConfigureAwait(false);
        var start = CodePoints.FromUtf16Index(code, answer.Start);
        var end = CodePoints.FromUtf16Index(code, answer.End);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(answer.Matches.Select(m => (JsonNode)JsonValue.Create(m.Text)!).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject
            {
                // JupyterLab reads kinds from here to draw icons.
                ["_jupyter_types_experimental"] = new JsonArray(answer.Matches.Select(m => (JsonNode)new JsonObject
                {
                    ["start"] = start,
                    ["end"] = end,
                    ["text"] = m.Text,
                    ["type"] = m.Kind,
                    ["signature"] = "",
                }).ToArray()),
            },
        };
    }

    async Task<JsonObject> InspectAsync(JsonObject content)
    {
        var code = JupyterMessage.Text(content, "code");
        var cursor = content["cursor_pos"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : CodePoints.FromUtf16Index(code, code.Length);
        var detail = content["detail_level"] is JsonValue d && d.TryGetValue<int>(out var level) ? level : 0;
        await EditorReadyAsync().ConfigureAwait(false);
        var inspection = await CodeInspection.InspectAsync(_workspace, code, CodePoints.ToUtf16Index(code, cursor), detail).ConfigureAwait(false);
        var data = new JsonObject();
        if (inspection is not null)
        {
            data["text/plain"] = inspection.PlainText;
            data["text/markdown"] = inspection.Markdown;
        }
        return new JsonObject { ["status"] = "ok", ["found"] = inspection is not null, ["data"] = data, ["metadata"] = new JsonObject() };
    }

    /// <summary>error / execute_reply fields: ename is the failure kind, evalue the engine's message, traceback "line N: message".</summary>
    static JsonObject ErrorContent(ErrorOutput error)
    {
        var json = error.ToJson();
        json.Remove("output_type");
        return json;
    }

    void PublishOutput(CellOutput output, int count, JupyterMessage request)
    {
        switch (output)
        {
            case StreamOutput s:
                Publish("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }, request);
                break;
            case DisplayDataOutput d:
                Publish("display_data", new JsonObject { ["data"] = d.Bundle.ToMessageData(), ["metadata"] = new JsonObject(), ["transient"] = Transient(d.DisplayId) }, request);
                break;
            case DisplayUpdate u:
                Publish("update_display_data", new JsonObject { ["data"] = u.Bundle.ToMessageData(), ["metadata"] = new JsonObject(), ["transient"] = Transient(u.DisplayId) }, request);
                break;
            case ClearOutput c:
                Publish("clear_output", new JsonObject { ["wait"] = c.Wait }, request);
                break;
            case ExecuteResultOutput r:
                Publish("execute_result", new JsonObject { ["data"] = r.Bundle.ToMessageData(), ["metadata"] = new JsonObject(), ["execution_count"] = count }, request);
                break;
            case ErrorOutput e:
                Publish("error", ErrorContent(e), request);
                break;
        }
    }

    static JsonObject Transient(string? displayId) => displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };

    void Reply(JupyterMessage request, string type, JsonObject content) =>
        send(KernelChannel.Shell, JupyterMessage.Create(type, session, content, request));

    void Publish(string messageType, JsonObject content, JupyterMessage parent) =>
        send(KernelChannel.IOPub, JupyterMessage.CreateBroadcast(messageType, session, content, parent));
}
