using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DewAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal Language Server Protocol client over a server's stdio (Content-Length framing, System.Text.Json): requests,
/// notifications, answers to the server's requests, and the latest published diagnostics per document.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentDictionary<string, JsonArray> _published = new();
    private readonly StringBuilder _log = new();
    private readonly Func<string, JsonNode?, JsonNode?> _answer;
    private readonly Task _reader;
    private int _nextId;

    private LspClient(Process process, Func<string, JsonNode?, JsonNode?> answer)
    {
        _process = process;
        _answer = answer;
        _input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) => Log("stderr: " + e.Data);
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Signalled whenever diagnostics are published.</summary>
    public event Action? DiagnosticsPublished;

    /// <summary>Server requests seen (method and params), for failure messages and the report.</summary>
    public ConcurrentQueue<string> ServerRequests { get; } = new();

    /// <summary>Starts <paramref name="fileName"/> as a language server; <paramref name="answer"/> answers its requests (method, params) → result.</summary>
    public static LspClient Start(string fileName, string workingDirectory, string nugetPackages, Func<string, JsonNode?, JsonNode?> answer, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        DotNet.Configure(info, nugetPackages);
        return new LspClient(Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName), answer);
    }

    public string Transcript
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool TryGetDiagnostics(string uri, out JsonArray diagnostics) => _published.TryGetValue(uri, out diagnostics!);

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout));
        if (finished != completion.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} got no response within {timeout}.\n{Transcript}");
        }

        return await completion.Task;
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
        => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>shutdown + exit; kills the server (and its children) if it does not stop within the timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(15));
                await NotifyAsync("exit", null);
            }
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            Log("shutdown failed: " + e.Message);
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(5)));
        _process.Dispose();
        _writeLock.Dispose();
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _input.WriteAsync(header);
            await _input.WriteAsync(body);
            await _input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = await ReadHeaderAsync(output);
                if (length < 0)
                {
                    break;
                }

                var body = new byte[length];
                await output.ReadExactlyAsync(body);
                Dispatch(JsonNode.Parse(body)!.AsObject());
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or JsonException or ObjectDisposedException)
        {
            Log("reader stopped: " + e.Message);
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("the language server closed its output.\n" + Transcript));
        }
    }

    /// <summary>Reads header lines up to the blank line; the Content-Length, or -1 at end of stream.</summary>
    private static async Task<int> ReadHeaderAsync(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return -1;
            }

            if (one[0] != '\n')
            {
                if (one[0] != '\r')
                {
                    line.Append((char)one[0]);
                }

                continue;
            }

            if (line.Length == 0)
            {
                return length;
            }

            var text = line.ToString();
            if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(text.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            line.Clear();
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var completion))
            {
                if (message["error"] is { } error)
                {
                    completion.TrySetException(new InvalidOperationException("LSP error: " + error.ToJsonString()));
                }
                else
                {
                    completion.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        var parameters = message["params"]?.DeepClone();
        if (id is not null)
        {
            ServerRequests.Enqueue(method + " " + parameters?.ToJsonString());
            Log("server request: " + method + " " + parameters?.ToJsonString());
            var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = _answer(method!, parameters) };
            _ = SendAsync(reply);
            return;
        }

        if (method == "textDocument/publishDiagnostics" && parameters is not null)
        {
            _published[parameters["uri"]!.GetValue<string>()] = parameters["diagnostics"]!.AsArray();
            DiagnosticsPublished?.Invoke();
        }
        else if (method is "window/logMessage" or "window/showMessage")
        {
            Log(method + ": " + parameters?["message"]);
        }
    }

    private void Log(string? line)
    {
        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }
}
