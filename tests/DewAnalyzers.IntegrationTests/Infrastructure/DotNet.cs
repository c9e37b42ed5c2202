using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DewAnalyzers.IntegrationTests.Infrastructure;

/// <summary>The outcome of one process: exit code and interleaved stdout/stderr.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    public override string ToString() => $"`{CommandLine}` exited {ExitCode}:\n{Output}";
}

/// <summary>Runs dotnet (and tools) with the integration environment: a private NUGET_PACKAGES, no node reuse, English output.</summary>
public static class DotNet
{
    /// <summary>Variables the test host inherits from `dotnet test` that would point a child build at the wrong MSBuild.</summary>
    private static readonly string[] InheritedMSBuildVariables =
    {
        "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE",
    };

    public static void Configure(ProcessStartInfo info, string nugetPackages)
    {
        foreach (var name in InheritedMSBuildVariables)
        {
            info.Environment.Remove(name);
        }

        info.Environment["NUGET_PACKAGES"] = nugetPackages;
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }

    public static Task<ProcessResult> RunAsync(string workingDirectory, string nugetPackages, TimeSpan timeout, params string[] arguments)
        => RunProcessAsync("dotnet", workingDirectory, nugetPackages, timeout, arguments);

    public static async Task<ProcessResult> RunProcessAsync(string fileName, string workingDirectory, string nugetPackages, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Configure(info, nugetPackages);
        var commandLine = fileName + " " + string.Join(" ", arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` did not finish within {timeout}:\n{Text(output)}");
        }

        process.WaitForExit(); // flushes the asynchronous output handlers
        return new ProcessResult(commandLine, process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
