using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DewAnalyzers.Catalog;

namespace DewAnalyzers.Benchmarks;

/// <summary>One generated source file; <paramref name="Role"/> says which part of the code base it belongs to.</summary>
internal sealed record SourceFile(string Path, string Text, int Lines, FileRole Role = FileRole.Other);

/// <summary>Which part of the synthetic code base a file belongs to (the "Where the time goes" section splits by it).</summary>
internal enum FileRole
{
    /// <summary>Ordinary application code: services, repositories, models, controllers.</summary>
    Other,

    /// <summary>Calls or retries KMS/CSMS through the SDK (in the no-SDK variant: the same shapes against its own client).</summary>
    CallsSdk,

    /// <summary>Types every other file uses (the logging types): belongs to both parts.</summary>
    Shared,
}

/// <summary>
/// A deterministic synthetic code base: every file is generated from a random generator seeded with a fixed seed and
/// the file's index, so a smaller code base is a prefix of a larger one and every run produces the same text.
/// Roughly 80% of the classes are ordinary application code (services, repositories with SQL text, DTOs with
/// validation messages, string switches, controllers), 20% call KMS/CSMS through the SDK (all four call forms, switches,
/// if/else chains and comparisons over <c>e.ErrorCode</c>, switches over the exception) or retry them (Polly v7, Polly v8, SDK <c>WithRetry</c>, hand-written loops,
/// retry predicates). A few DEW findings per thousand lines are planted: undocumented codes, near misses, literals
/// for documented codes (DEW002), switches missing handled codes, retries of non-transient codes.
/// Without the SDK (<c>withSdk: false</c>, the "no SDK" variant) those 20% are the same shapes against an ordinary
/// remote client of the code base's own (its exception's <c>Code</c> holds names like <c>"NOT_FOUND"</c>, retried with
/// Polly and loops): no SDK types, no catalog codes or code-like literals, no generated constants, the same volume.
/// </summary>
internal sealed class CodeBaseGenerator
{
    public const int Seed = 20261125;

    // The kinds (of 100) whose files call or retry the SDK: 20% of the files.
    private const int FirstSdkKind = 65;
    private const int EndSdkKind = 85;

    private static readonly string[] s_nouns =
    {
        "Order", "Customer", "Invoice", "Payment", "Shipment", "Account", "Ledger", "Report", "Inventory", "Catalog",
        "Tenant", "Secret", "Key", "Audit", "Session", "Profile", "Notification", "Subscription", "Warehouse", "Contract",
        "Budget", "Employee", "Vendor", "Ticket", "Document", "Certificate", "Backup", "Region", "Quota", "Policy",
    };

    private static readonly string[] s_verbs = { "create", "update", "delete", "archive", "restore", "export", "import", "approve", "reject", "sync" };

    private static readonly string[] s_columns = { "id", "name", "created_at", "updated_at", "tenant_id", "status", "amount", "currency", "owner_id", "version" };

    private readonly ErrorCodeCatalog _catalog = ErrorCodeCatalog.BuiltIn;
    private readonly OperationInfo[] _kmsOperations;
    private readonly OperationInfo[] _csmsOperations;
    private readonly ErrorCodeEntry[] _kmsTransient;
    private readonly ErrorCodeEntry[] _csmsTransient;
    private readonly ErrorCodeEntry[] _kmsNonTransient;
    private readonly ErrorCodeEntry[] _csmsNonTransient;

    private readonly bool _withSdk;

    /// <param name="withSdk">False for the "no SDK" variant: no SDK calls, no catalog codes (see the class summary).</param>
    public CodeBaseGenerator(bool withSdk = true)
    {
        _withSdk = withSdk;
        _kmsOperations = _catalog.Operations.All.Where(o => o.Service == "KMS" && o.Handle.Length > 0).ToArray();
        _csmsOperations = _catalog.Operations.All.Where(o => o.Service == "CSMS" && o.Handle.Length > 0).ToArray();
        _kmsTransient = _catalog.Entries.Where(e => e.Prefix == "KMS" && e.Retry == RetryClass.Transient).ToArray();
        _csmsTransient = _catalog.Entries.Where(e => e.Prefix == "CSMS" && e.Retry == RetryClass.Transient).ToArray();
        _kmsNonTransient = _catalog.Entries.Where(e => e.Prefix == "KMS" && e.Retry != RetryClass.Transient).ToArray();
        _csmsNonTransient = _catalog.Entries.Where(e => e.Prefix == "CSMS" && e.Retry != RetryClass.Transient).ToArray();
        if (_csmsTransient.Length == 0)
        {
            _csmsTransient = _kmsTransient;
        }
    }

    /// <summary>Files until the total reaches <paramref name="targetLines"/> (the first file holds the shared types).</summary>
    public List<SourceFile> Generate(int targetLines)
    {
        var files = new List<SourceFile> { Count("Common/Logging.cs", CommonSource) with { Role = FileRole.Shared } };
        if (!_withSdk)
        {
            files.Add(Count("Common/Remote.cs", RemoteSource) with { Role = FileRole.Shared });
        }

        var total = files.Sum(f => f.Lines);
        for (var index = 0; total < targetLines; index++)
        {
            var file = GenerateFile(index);
            files.Add(file);
            total += file.Lines;
        }

        return files;
    }

    /// <summary>
    /// The code base in two parts that each compile on their own: the files that call or retry the SDK, and the other
    /// files; the shared files go into both.
    /// </summary>
    public static (List<SourceFile> CallsSdk, List<SourceFile> Other) Split(List<SourceFile> files)
        => (files.Where(f => f.Role != FileRole.Other).ToList(), files.Where(f => f.Role != FileRole.CallsSdk).ToList());

    private static SourceFile Count(string path, string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return new SourceFile(path, text, lines);
    }

    private const string CommonSource = """
        using System;
        using System.Collections.Generic;

        namespace Contoso.Common
        {
            public interface ILog
            {
                void Info(string message);
                void Warn(string message);
                void Error(string message);
            }

            public sealed class ConsoleLog : ILog
            {
                private readonly List<string> _lines = new List<string>();
                public void Info(string message) => _lines.Add("INFO " + message);
                public void Warn(string message) => _lines.Add("WARN " + message);
                public void Error(string message) => _lines.Add("ERROR " + message);
            }

            public sealed class EntityNotFoundException : Exception
            {
                public EntityNotFoundException(string message) : base(message) { }
            }
        }
        """;

    private SourceFile GenerateFile(int index)
    {
        var random = new Random(Seed + (index * 7919));
        var noun = s_nouns[random.Next(s_nouns.Length)];
        var kind = random.Next(100);
        var w = new Writer();
        string folder;
        if (kind < 30)
        {
            folder = "Services";
            Service(w, random, noun, index);
        }
        else if (kind < 45)
        {
            folder = "Data";
            Repository(w, random, noun, index);
        }
        else if (kind < FirstSdkKind)
        {
            folder = "Models";
            Model(w, random, noun, index);
        }
        else if (!_withSdk && kind < EndSdkKind)
        {
            folder = "Integration";
            Remote(w, random, noun, index, kind);
        }
        else if (kind < 72)
        {
            folder = "Security";
            SdkCaller(w, random, noun, index, kms: random.Next(100) < 70);
        }
        else if (kind < 76)
        {
            folder = "Resilience";
            Polly7(w, random, noun, index, kms: random.Next(100) < 70);
        }
        else if (kind < 80)
        {
            folder = "Resilience";
            Polly8(w, random, noun, index, kms: random.Next(100) < 70);
        }
        else if (kind < EndSdkKind)
        {
            folder = "Security";
            var kms = random.Next(100) < 70;
            SdkRetry(w, random, noun, index, kms);
            BlanketRetries(w, noun, index, kms);
        }
        else
        {
            folder = "Web";
            Controller(w, random, noun, index);
        }

        return Count($"{folder}/{noun}{index}.cs", w.ToString()) with { Role = kind is >= FirstSdkKind and < EndSdkKind ? FileRole.CallsSdk : FileRole.Other };
    }

    // ---- ordinary application code -------------------------------------------------------------------------------

    private static void Service(Writer w, Random r, string noun, int index)
    {
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Text;").Line("using Contoso.Common;").Line();
        w.Open($"namespace Contoso.{noun}s");
        w.Open($"public sealed class {noun}Service{index}");
        w.Line($"private static readonly Dictionary<string, string> s_defaults = new Dictionary<string, string>(StringComparer.Ordinal)");
        w.Open();
        for (var i = 0; i < 4 + r.Next(6); i++)
        {
            w.Line($"[\"{noun.ToLowerInvariant()}.{s_columns[r.Next(s_columns.Length)]}.{i}\"] = \"{Phrase(r)}\",");
        }

        w.Close("};");
        w.Line("private readonly ILog _log;").Line();
        w.Line($"public {noun}Service{index}(ILog log)").Open().Line("_log = log ?? throw new ArgumentNullException(nameof(log));").Close().Line();
        var methods = 2 + r.Next(4);
        for (var m = 0; m < methods; m++)
        {
            switch (r.Next(4))
            {
                case 0:
                    w.Line($"public string Describe{m}(string command)").Open().Line("switch (command)").Open();
                    foreach (var verb in Pick(r, s_verbs, 3 + r.Next(5)))
                    {
                        w.Line($"case \"{verb}\":").Line($"    return \"{Capitalize(verb)}s the {noun.ToLowerInvariant()} and records an audit entry\";");
                    }

                    w.Line("default:").Line($"    _log.Warn(\"Unknown {noun.ToLowerInvariant()} command: \" + command);").Line("    return string.Empty;");
                    w.Close().Close().Line();
                    break;
                case 1:
                    w.Line($"public int Process{m}(IReadOnlyList<string> items)").Open().Line("var count = 0;").Line("foreach (var item in items)").Open();
                    w.Line("if (string.IsNullOrEmpty(item))").Open().Line($"_log.Warn(\"Skipping an empty {noun.ToLowerInvariant()} entry\");").Line("continue;").Close();
                    w.Line("if (item.StartsWith(\"#\", StringComparison.Ordinal))").Open().Line("continue;").Close();
                    w.Line($"_log.Info($\"Processing {noun.ToLowerInvariant()} {{item}} at position {{count}}\");").Line("count++;").Close();
                    w.Line($"_log.Info(\"Processed \" + count + \" {noun.ToLowerInvariant()} items\");").Line("return count;").Close().Line();
                    break;
                case 2:
                    w.Line($"public static string Status{m}(int code) => code switch").Open();
                    w.Line("0 => \"active\",").Line("1 => \"pending approval\",").Line("2 => \"suspended\",").Line("3 => \"closed\",").Line("_ => \"unknown\",");
                    w.Close("};").Line();
                    break;
                default:
                    w.Line($"public string Setting{m}(string name)").Open();
                    w.Line("if (s_defaults.TryGetValue(name, out var value))").Open().Line("return value;").Close();
                    w.Line($"var builder = new StringBuilder(\"{noun.ToLowerInvariant()}.\");").Line("builder.Append(name).Append(\".fallback\");");
                    w.Line("_log.Info(\"Setting not found, using \" + builder);").Line("return builder.ToString();").Close().Line();
                    break;
            }
        }

        w.Close().Close();
    }

    private static void Repository(Writer w, Random r, string noun, int index)
    {
        var table = noun.ToLowerInvariant() + "s";
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using Contoso.Common;").Line();
        w.Open($"namespace Contoso.Data");
        w.Open($"public sealed class {noun}Repository{index}");
        var columns = string.Join(", ", Pick(r, s_columns, 4 + r.Next(5)));
        w.Line($"private const string SelectSql = \"SELECT {columns} FROM {table} WHERE tenant_id = @tenant AND deleted = 0\";");
        w.Line($"private const string InsertSql = \"INSERT INTO {table} ({columns}) VALUES (@p0, @p1, @p2, @p3)\";");
        w.Line($"private const string DeleteSql = \"UPDATE {table} SET deleted = 1, updated_at = CURRENT_TIMESTAMP WHERE id = @id\";");
        w.Line("private readonly Dictionary<string, object> _parameters = new Dictionary<string, object>();").Line("private readonly ILog _log;").Line();
        w.Line($"public {noun}Repository{index}(ILog log)").Open().Line("_log = log;").Close().Line();
        var queries = 2 + r.Next(4);
        for (var q = 0; q < queries; q++)
        {
            var column = s_columns[r.Next(s_columns.Length)];
            w.Line($"public string FindBy{Capitalize(column.Replace("_", string.Empty))}{q}(string value, bool includeArchived)").Open();
            w.Line($"_parameters[\"@{column}\"] = value;");
            w.Line($"var sql = SelectSql + \" AND {column} = @{column}\";");
            w.Line("if (!includeArchived)").Open().Line("sql += \" AND archived = 0\";").Close();
            w.Line($"_log.Info(\"Executing query on {table}: \" + sql);");
            w.Line("return sql + \" ORDER BY created_at DESC LIMIT 100\";").Close().Line();
        }

        w.Line("public string Insert() => InsertSql;").Line("public string Delete(string id)").Open();
        w.Line("if (string.IsNullOrWhiteSpace(id))").Open().Line($"throw new EntityNotFoundException(\"The {noun.ToLowerInvariant()} id must not be empty\");").Close();
        w.Line("_parameters[\"@id\"] = id;").Line("return DeleteSql;").Close();
        w.Close().Close();
    }

    private static void Model(Writer w, Random r, string noun, int index)
    {
        w.Line("using System;").Line("using System.Collections.Generic;").Line();
        w.Open($"namespace Contoso.Models");
        w.Open($"public sealed class {noun}Dto{index}");
        var props = Pick(r, s_columns, 4 + r.Next(6)).Select(c => Capitalize(c.Replace("_", string.Empty))).ToArray();
        foreach (var p in props)
        {
            w.Line($"public string {p} {{ get; set; }}");
        }

        w.Line().Line("public IReadOnlyList<string> Validate()").Open().Line("var errors = new List<string>();");
        foreach (var p in props)
        {
            w.Line($"if (string.IsNullOrEmpty({p}))").Open().Line($"errors.Add(\"{p} is required for a {noun.ToLowerInvariant()}\");").Close();
            if (r.Next(3) == 0)
            {
                w.Line($"else if ({p}.Length > {16 + r.Next(240)})").Open().Line($"errors.Add(\"{p} is too long\");").Close();
            }
        }

        w.Line("return errors;").Close().Line();
        w.Line($"public override string ToString() => $\"{noun}({props[0]}={{{props[0]}}}, {props[1]}={{{props[1]}}})\";");
        w.Close().Close();
    }

    private static void Controller(Writer w, Random r, string noun, int index)
    {
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using Contoso.Common;").Line();
        w.Open("namespace Contoso.Web");
        w.Open($"public sealed class {noun}Controller{index}");
        w.Line("private readonly ILog _log;").Line($"public {noun}Controller{index}(ILog log) => _log = log;").Line();
        w.Line("public (int Status, string Body) Handle(string method, string path, IDictionary<string, string> headers)").Open();
        w.Line("if (!headers.TryGetValue(\"Authorization\", out var token) || !token.StartsWith(\"Bearer \", StringComparison.Ordinal))").Open();
        w.Line("return (401, \"{\\\"error\\\":\\\"unauthorized\\\"}\");").Close();
        w.Line("switch (method + \" \" + path)").Open();
        foreach (var verb in Pick(r, s_verbs, 3 + r.Next(4)))
        {
            w.Line($"case \"POST /api/{noun.ToLowerInvariant()}s/{verb}\":").Line($"    _log.Info(\"{Capitalize(verb)} {noun.ToLowerInvariant()} requested\");").Line("    return (200, \"{\\\"status\\\":\\\"accepted\\\"}\");");
        }

        w.Line($"case \"GET /api/{noun.ToLowerInvariant()}s\":").Line("    return (200, \"[]\");");
        w.Line("default:").Line("    return (404, \"{\\\"error\\\":\\\"not found\\\"}\");").Close().Close().Close().Close();
    }

    // ---- SDK callers ---------------------------------------------------------------------------------------------

    private void SdkUsings(Writer w, bool kms)
    {
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Threading;").Line("using System.Threading.Tasks;");
        w.Line("using Contoso.Common;").Line("using Dew.ErrorCodes;").Line("using HuaweiCloud.SDK.Core;");
        w.Line(kms ? "using HuaweiCloud.SDK.Kms.V2;" : "using HuaweiCloud.SDK.Csms.V1;");
        w.Line(kms ? "using HuaweiCloud.SDK.Kms.V2.Model;" : "using HuaweiCloud.SDK.Csms.V1.Model;");
    }

    private static string Client(bool kms) => kms ? "KmsClient" : "CsmsClient";

    private static string AsyncClient(bool kms) => kms ? "KmsAsyncClient" : "CsmsAsyncClient";

    private void SdkCaller(Writer w, Random r, string noun, int index, bool kms)
    {
        SdkUsings(w, kms);
        w.Line().Open("namespace Contoso.Security");
        w.Open($"public sealed class {noun}{(kms ? "Keys" : "Secrets")}{index}");
        w.Line($"private readonly {Client(kms)} _client;").Line($"private readonly {AsyncClient(kms)} _asyncClient;").Line("private readonly ILog _log;").Line();
        w.Line($"public {noun}{(kms ? "Keys" : "Secrets")}{index}({Client(kms)} client, {AsyncClient(kms)} asyncClient, ILog log)").Open();
        w.Line("_client = client;").Line("_asyncClient = asyncClient;").Line("_log = log;").Close().Line();
        var methods = 2 + r.Next(3);
        for (var m = 0; m < methods; m++)
        {
            var op = Operation(r, kms);
            switch (r.Next(6))
            {
                case 0:
                    SyncSwitch(w, r, op, m, kms);
                    break;
                case 1:
                    AsyncWhen(w, r, op, m, kms);
                    break;
                case 2:
                    InvokerIf(w, r, op, m, kms);
                    break;
                case 3:
                    ElseIfChain(w, r, op, m, kms);
                    break;
                case 4:
                    ExceptionSwitch(w, r, op, m, kms);
                    break;
                default:
                    AsyncInvokerLocal(w, r, op, m, kms);
                    break;
            }
        }

        w.Close().Close();
    }

    private void SyncSwitch(Writer w, Random r, OperationInfo op, int m, bool kms)
    {
        w.Line($"public {op.Name}Response {op.Name}{m}({op.Name}Request request)").Open().Line("try").Open();
        w.Line($"_log.Info(\"Calling {op.Name} for the {op.Service} service\");").Line($"return _client.{op.Name}(request);").Close();
        w.Line("catch (ClientRequestException e)").Open().Line("switch (e.ErrorCode)").Open();
        var codes = HandledCodes(r, op, kms);
        foreach (var code in codes)
        {
            w.Line($"case {code}:").Line($"    _log.Warn(\"{op.Name} failed: \" + e.ErrorMsg);").Line("    return null;");
        }

        w.Line("default:").Line("    throw;").Close().Close().Close().Line();
    }

    private void AsyncWhen(Writer w, Random r, OperationInfo op, int m, bool kms)
    {
        var codes = HandledCodes(r, op, kms);
        w.Line($"public async Task<{op.Name}Response> {op.Name}{m}Async({op.Name}Request request)").Open().Line("try").Open();
        w.Line($"return await _asyncClient.{op.Name}Async(request).ConfigureAwait(false);").Close();
        w.Line($"catch (ServiceResponseException e) when (e.ErrorCode == {codes[0]})").Open().Line($"_log.Warn(\"Nothing to do for {op.Name}\");").Line("return null;").Close();
        w.Line("catch (ServiceResponseException e)").Open().Line("var message = e.ErrorCode switch").Open();
        foreach (var code in codes.Skip(1))
        {
            w.Line($"{code} => \"{op.Name} rejected the request: \" + e.ErrorMsg,");
        }

        w.Line("_ => \"Unexpected error \" + e.ErrorCode,").Close("};").Line("_log.Error(message);").Line("throw;").Close().Close().Line();
    }

    private void InvokerIf(Writer w, Random r, OperationInfo op, int m, bool kms)
    {
        var codes = HandledCodes(r, op, kms);
        w.Line($"public {op.Name}Response {op.Name}{m}Invoked({op.Name}Request request)").Open().Line("try").Open();
        w.Line($"return _client.{op.Name}Invoker(request).AddHeader(\"X-Trace-Id\", Guid.NewGuid().ToString()).Invoke();").Close();
        w.Line("catch (ServiceResponseException e)").Open();
        w.Line($"if (e.ErrorCode == {codes[0]})").Open().Line("return null;").Close();
        if (codes.Count > 1)
        {
            w.Line($"if (string.Equals(e.ErrorCode, {codes[1]}, StringComparison.Ordinal))").Open().Line($"_log.Warn(\"{op.Name}: state conflict\");").Line("return null;").Close();
        }

        if (codes.Count > 3)
        {
            w.Line($"if (e.ErrorCode is {codes[2]} or {codes[3]})").Open().Line("throw new InvalidOperationException(e.ErrorMsg, e);").Close();
        }

        w.Line("throw;").Close().Close().Line();
    }

    /// <summary>An if/else-if chain over the code ending in a throwing else (a DEW003 handler set).</summary>
    private void ElseIfChain(Writer w, Random r, OperationInfo op, int m, bool kms)
    {
        var codes = HandledCodes(r, op, kms);
        w.Line($"public {op.Name}Response {op.Name}{m}Chained({op.Name}Request request)").Open().Line("try").Open();
        w.Line($"return _client.{op.Name}(request);").Close();
        w.Line("catch (ClientRequestException e)").Open();
        for (var i = 0; i < codes.Count; i++)
        {
            w.Line($"{(i == 0 ? "if" : "else if")} (e.ErrorCode == {codes[i]})").Open().Line($"_log.Warn(\"{op.Name}: \" + e.ErrorMsg);").Line("return null;").Close();
        }

        w.Line("else").Open().Line("throw new InvalidOperationException(e.ErrorMsg, e);").Close().Close().Close().Line();
    }

    /// <summary>A switch expression over the exception with ErrorCode property patterns (a DEW003 handler set).</summary>
    private void ExceptionSwitch(Writer w, Random r, OperationInfo op, int m, bool kms)
    {
        var codes = HandledCodes(r, op, kms);
        w.Line($"public async Task<string> {op.Name}{m}Described({op.Name}Request request)").Open().Line("try").Open();
        w.Line($"await _asyncClient.{op.Name}Async(request).ConfigureAwait(false);").Line("return \"ok\";").Close();
        w.Line("catch (ServiceResponseException e)").Open().Line("return e switch").Open();
        foreach (var code in codes)
        {
            w.Line($"ClientRequestException {{ ErrorCode: {code} }} => \"{op.Name} rejected the request: \" + e.ErrorMsg,");
        }

        w.Line("_ => throw new InvalidOperationException(e.ErrorMsg, e),").Close("};").Close().Close().Line();
    }

    private void AsyncInvokerLocal(Writer w, Random r, OperationInfo op, int m, bool kms)
    {
        var codes = HandledCodes(r, op, kms);
        w.Line($"public async Task<bool> {op.Name}{m}Checked({op.Name}Request request)").Open().Line("try").Open();
        w.Line($"await _asyncClient.{op.Name}AsyncInvoker(request).Invoke().ConfigureAwait(false);").Line("return true;").Close();
        w.Line("catch (ClientRequestException e)").Open().Line("var code = e.ErrorCode;").Line("switch (code)").Open();
        foreach (var code in codes)
        {
            w.Line($"case {code}:");
        }

        w.Line($"    _log.Warn(\"{op.Name} refused: \" + code);").Line("    return false;").Line("default:").Line("    throw;").Close().Close().Close().Line();
    }

    // ---- retries ------------------------------------------------------------------------------------------------

    private void Polly7(Writer w, Random r, string noun, int index, bool kms)
    {
        SdkUsings(w, kms);
        w.Line("using Polly;").Line().Open("namespace Contoso.Resilience");
        w.Open($"public static class {noun}RetryPolicies{index}");
        var transient = RetryCodes(r, kms, 2);
        w.Line("public static readonly ISyncPolicy Retry = Policy");
        w.Line($"    .Handle<ServerResponseException>(e => e.ErrorCode == {transient[0]} || e.ErrorCode == {transient[1]})");
        w.Line($"    .Or<ClientRequestException>(e => e.ErrorCode == {RetryCodes(r, kms, 1)[0]})");
        w.Line("    .WaitAndRetry(3, attempt => TimeSpan.FromMilliseconds(200 * attempt));").Line();
        w.Line("public static readonly IAsyncPolicy RetryAsync = Policy");
        w.Line("    .Handle<ServiceResponseException>(e => ShouldRetry(e.ErrorCode))");
        w.Line("    .WaitAndRetryAsync(4, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));").Line();
        w.Line("public static bool ShouldRetry(string code)").Open().Line("switch (code)").Open();
        foreach (var code in RetryCodes(r, kms, 3))
        {
            w.Line($"case {code}:");
        }

        w.Line("    return true;").Line("default:").Line("    return false;").Close().Close().Line();
        w.Line($"public static void Run({Client(kms)} client, {Operation(r, kms).Name}Request request, ILog log)").Open();
        w.Line("Retry.Execute(() => log.Info(\"Attempting the call\"));").Close();
        w.Close().Close();
    }

    private void Polly8(Writer w, Random r, string noun, int index, bool kms)
    {
        SdkUsings(w, kms);
        w.Line("using Polly;").Line("using Polly.Retry;").Line().Open("namespace Contoso.Resilience");
        w.Open($"public static class {noun}Pipelines{index}");
        var codes = RetryCodes(r, kms, 3);
        w.Line("public static ResiliencePipeline Create() => new ResiliencePipelineBuilder()").Line("    .AddRetry(new RetryStrategyOptions").Line("    {");
        w.Line($"        ShouldHandle = new PredicateBuilder().Handle<ServiceResponseException>(e => e.ErrorCode == {codes[0]}),");
        w.Line("        MaxRetryAttempts = 3,").Line("        Delay = TimeSpan.FromMilliseconds(250),").Line("    })").Line("    .Build();").Line();
        w.Line("public static RetryStrategyOptions Options() => new RetryStrategyOptions").Open();
        w.Line($"ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is ServiceResponseException e && (e.ErrorCode == {codes[1]} || e.ErrorCode == {codes[2]})),");
        w.Line("MaxRetryAttempts = 5,").Line("UseJitter = true,").Close("};").Line();
        w.Line("public static readonly HashSet<string> RetryableCodes = new HashSet<string>(StringComparer.Ordinal)").Open();
        foreach (var code in RetryCodes(r, kms, 2))
        {
            w.Line($"{code},");
        }

        w.Close("};");
        w.Close().Close();
    }

    private void SdkRetry(Writer w, Random r, string noun, int index, bool kms)
    {
        SdkUsings(w, kms);
        w.Line().Open("namespace Contoso.Security");
        w.Open($"public sealed class {noun}ResilientCalls{index}");
        w.Line($"private readonly {Client(kms)} _client;").Line($"private readonly {AsyncClient(kms)} _asyncClient;").Line();
        w.Line($"public {noun}ResilientCalls{index}({Client(kms)} client, {AsyncClient(kms)} asyncClient)").Open().Line("_client = client;").Line("_asyncClient = asyncClient;").Close().Line();
        var op = Operation(r, kms);
        var codes = RetryCodes(r, kms, 2);
        w.Line($"public {op.Name}Response {op.Name}WithSdkRetry({op.Name}Request request)").Open();
        w.Line($"return _client.{op.Name}Invoker(request)");
        w.Line($"    .WithRetry((response, exception) => exception is ServiceResponseException s && (s.ErrorCode == {codes[0]} || s.ErrorCode == {codes[1]}), 3, BackoffStrategies.EqualJitter)");
        w.Line("    .Invoke();").Close().Line();
        var op2 = Operation(r, kms);
        w.Line($"public Task<{op2.Name}Response> {op2.Name}WithSdkRetryAsync({op2.Name}Request request)").Open();
        w.Line($"return _asyncClient.{op2.Name}AsyncInvoker(request)");
        w.Line($"    .WithRetry((response, exception) => exception is ServerResponseException s && s.ErrorCode == {RetryCodes(r, kms, 1)[0]}, 2, new ExponentialBackoffStrategy())");
        w.Line("    .Invoke();").Close().Line();
        var op3 = Operation(r, kms);
        var loopCodes = RetryCodes(r, kms, 2);
        w.Line($"public {op3.Name}Response {op3.Name}WithLoop({op3.Name}Request request)").Open().Line("for (var attempt = 1; ; attempt++)").Open().Line("try").Open();
        w.Line($"return _client.{op3.Name}(request);").Close().Line("catch (ServiceResponseException e) when (attempt < 4)").Open();
        w.Line($"if (e.ErrorCode == {loopCodes[0]} || e.ErrorCode == {loopCodes[1]})").Open().Line("Thread.Sleep(100 * attempt);").Line("continue;").Close();
        w.Line("throw;").Close().Close().Close();
        w.Close().Close();
    }

    // ---- the same shapes without the SDK (the "no SDK" variant) -----------------------------------------------------

    private const string RemoteSource = """
        using System;
        using System.Threading.Tasks;

        namespace Contoso.Common
        {
            public sealed class RemoteServiceException : Exception
            {
                public RemoteServiceException(string code, string detail) : base(detail)
                {
                    Code = code;
                    Detail = detail;
                }

                public string Code { get; }
                public string Detail { get; }
            }

            public interface IRemoteClient
            {
                string Get(string path);
                Task<string> GetAsync(string path);
            }
        }
        """;

    private static readonly string[] s_remoteCodes =
    {
        "NOT_FOUND", "ALREADY_EXISTS", "CONFLICT", "INVALID_ARGUMENT", "PERMISSION_DENIED", "QUOTA_EXCEEDED",
        "PRECONDITION_FAILED", "UNAUTHENTICATED", "RATE_LIMITED", "UNAVAILABLE", "TIMEOUT", "INTERNAL",
    };

    private static readonly string[] s_remoteTransient = { "RATE_LIMITED", "UNAVAILABLE", "TIMEOUT", "INTERNAL" };

    /// <summary>In place of the SDK files (same kind ranges): callers like <see cref="SdkCaller"/>, retries like Polly7/Polly8/SdkRetry.</summary>
    private static void Remote(Writer w, Random r, string noun, int index, int kind)
    {
        w.Line("using System;").Line("using System.Collections.Generic;").Line("using System.Threading;").Line("using System.Threading.Tasks;");
        w.Line("using Contoso.Common;").Line("using Polly;").Line("using Polly.Retry;").Line().Open("namespace Contoso.Integration");
        if (kind < 72)
        {
            RemoteCaller(w, r, noun, index);
        }
        else if (kind < 76)
        {
            RemotePolly7(w, r, noun, index);
        }
        else if (kind < 80)
        {
            RemotePolly8(w, r, noun, index);
        }
        else
        {
            RemoteRetryLoops(w, r, noun, index);
        }

        w.Close();
    }

    private static void RemoteCaller(Writer w, Random r, string noun, int index)
    {
        w.Open($"public sealed class {noun}Gateway{index}");
        w.Line("private readonly IRemoteClient _client;").Line("private readonly ILog _log;").Line();
        w.Line($"public {noun}Gateway{index}(IRemoteClient client, ILog log)").Open().Line("_client = client;").Line("_log = log;").Close().Line();
        var methods = 2 + r.Next(3);
        for (var m = 0; m < methods; m++)
        {
            var verb = s_verbs[r.Next(s_verbs.Length)];
            var path = $"\"/api/{noun.ToLowerInvariant()}s/{verb}\"";
            var codes = Pick(r, s_remoteCodes, 2 + r.Next(4)).Select(Quote).ToList();
            switch (r.Next(6))
            {
                case 0:
                    w.Line($"public string {Capitalize(verb)}{m}()").Open().Line("try").Open();
                    w.Line($"_log.Info(\"Calling {verb} on the {noun.ToLowerInvariant()} service\");").Line($"return _client.Get({path});").Close();
                    w.Line("catch (RemoteServiceException e)").Open().Line("switch (e.Code)").Open();
                    foreach (var code in codes)
                    {
                        w.Line($"case {code}:").Line($"    _log.Warn(\"{verb} failed: \" + e.Detail);").Line("    return null;");
                    }

                    w.Line("default:").Line("    throw;").Close().Close().Close().Line();
                    break;
                case 1:
                    w.Line($"public async Task<string> {Capitalize(verb)}{m}Async()").Open().Line("try").Open();
                    w.Line($"return await _client.GetAsync({path}).ConfigureAwait(false);").Close();
                    w.Line($"catch (RemoteServiceException e) when (e.Code == {codes[0]})").Open().Line($"_log.Warn(\"Nothing to do for {verb}\");").Line("return null;").Close();
                    w.Line("catch (RemoteServiceException e)").Open().Line("var message = e.Code switch").Open();
                    foreach (var code in codes.Skip(1))
                    {
                        w.Line($"{code} => \"{verb} rejected the request: \" + e.Detail,");
                    }

                    w.Line("_ => \"Unexpected error \" + e.Code,").Close("};").Line("_log.Error(message);").Line("throw;").Close().Close().Line();
                    break;
                case 2:
                    w.Line($"public string {Capitalize(verb)}{m}Checked()").Open().Line("try").Open().Line($"return _client.Get({path} + \"?trace=\" + Guid.NewGuid());").Close();
                    w.Line("catch (RemoteServiceException e)").Open().Line($"if (e.Code == {codes[0]})").Open().Line("return null;").Close();
                    w.Line($"if (string.Equals(e.Code, {codes[1]}, StringComparison.Ordinal))").Open().Line($"_log.Warn(\"{verb}: state conflict\");").Line("return null;").Close();
                    if (codes.Count > 3)
                    {
                        w.Line($"if (e.Code is {codes[2]} or {codes[3]})").Open().Line("throw new InvalidOperationException(e.Detail, e);").Close();
                    }

                    w.Line("throw;").Close().Close().Line();
                    break;
                case 3:
                    w.Line($"public string {Capitalize(verb)}{m}Chained()").Open().Line("try").Open().Line($"return _client.Get({path});").Close();
                    w.Line("catch (RemoteServiceException e)").Open();
                    for (var i = 0; i < codes.Count; i++)
                    {
                        w.Line($"{(i == 0 ? "if" : "else if")} (e.Code == {codes[i]})").Open().Line($"_log.Warn(\"{verb}: \" + e.Detail);").Line("return null;").Close();
                    }

                    w.Line("else").Open().Line("throw new InvalidOperationException(e.Detail, e);").Close().Close().Close().Line();
                    break;
                case 4:
                    w.Line($"public async Task<string> {Capitalize(verb)}{m}Described()").Open().Line("try").Open();
                    w.Line($"await _client.GetAsync({path}).ConfigureAwait(false);").Line("return \"ok\";").Close();
                    w.Line("catch (Exception e)").Open().Line("return e switch").Open();
                    foreach (var code in codes)
                    {
                        w.Line($"RemoteServiceException {{ Code: {code} }} => \"{verb} rejected the request: \" + e.Message,");
                    }

                    w.Line("_ => throw new InvalidOperationException(e.Message, e),").Close("};").Close().Close().Line();
                    break;
                default:
                    w.Line($"public async Task<bool> {Capitalize(verb)}{m}Confirmed()").Open().Line("try").Open();
                    w.Line($"await _client.GetAsync({path}).ConfigureAwait(false);").Line("return true;").Close();
                    w.Line("catch (RemoteServiceException e)").Open().Line("var code = e.Code;").Line("switch (code)").Open();
                    foreach (var code in codes)
                    {
                        w.Line($"case {code}:");
                    }

                    w.Line($"    _log.Warn(\"{verb} refused: \" + code);").Line("    return false;").Line("default:").Line("    throw;").Close().Close().Close().Line();
                    break;
            }
        }

        w.Close();
    }

    private static void RemotePolly7(Writer w, Random r, string noun, int index)
    {
        var codes = Pick(r, s_remoteTransient, 3).Select(Quote).ToList();
        w.Open($"public static class {noun}RemoteRetryPolicies{index}");
        w.Line("public static readonly ISyncPolicy Retry = Policy");
        w.Line($"    .Handle<RemoteServiceException>(e => e.Code == {codes[0]} || e.Code == {codes[1]})");
        w.Line("    .Or<TimeoutException>()");
        w.Line("    .WaitAndRetry(3, attempt => TimeSpan.FromMilliseconds(200 * attempt));").Line();
        w.Line("public static readonly IAsyncPolicy RetryAsync = Policy");
        w.Line("    .Handle<RemoteServiceException>(e => ShouldRetry(e.Code))");
        w.Line("    .WaitAndRetryAsync(4, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));").Line();
        w.Line("public static bool ShouldRetry(string code)").Open().Line("switch (code)").Open();
        foreach (var code in codes)
        {
            w.Line($"case {code}:");
        }

        w.Line("    return true;").Line("default:").Line("    return false;").Close().Close().Line();
        w.Line("public static void Run(IRemoteClient client, ILog log)").Open();
        w.Line($"Retry.Execute(() => log.Info(client.Get(\"/api/{noun.ToLowerInvariant()}s\")));").Close();
        w.Close();
    }

    private static void RemotePolly8(Writer w, Random r, string noun, int index)
    {
        var codes = Pick(r, s_remoteTransient, 3).Select(Quote).ToList();
        w.Open($"public static class {noun}RemotePipelines{index}");
        w.Line("public static ResiliencePipeline Create() => new ResiliencePipelineBuilder()").Line("    .AddRetry(new RetryStrategyOptions").Line("    {");
        w.Line($"        ShouldHandle = new PredicateBuilder().Handle<RemoteServiceException>(e => e.Code == {codes[0]}),");
        w.Line("        MaxRetryAttempts = 3,").Line("        Delay = TimeSpan.FromMilliseconds(250),").Line("    })").Line("    .Build();").Line();
        w.Line("public static RetryStrategyOptions Options() => new RetryStrategyOptions").Open();
        w.Line($"ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is RemoteServiceException e && (e.Code == {codes[1]} || e.Code == {codes[2]})),");
        w.Line("MaxRetryAttempts = 5,").Line("UseJitter = true,").Close("};").Line();
        w.Line("public static readonly HashSet<string> RetryableCodes = new HashSet<string>(StringComparer.Ordinal)").Open();
        foreach (var code in codes.Take(2))
        {
            w.Line($"{code},");
        }

        w.Close("};");
        w.Close();
    }

    private static void RemoteRetryLoops(Writer w, Random r, string noun, int index)
    {
        w.Open($"public sealed class {noun}RemoteResilientCalls{index}");
        w.Line("private readonly IRemoteClient _client;").Line();
        w.Line($"public {noun}RemoteResilientCalls{index}(IRemoteClient client)").Open().Line("_client = client;").Close().Line();
        for (var m = 0; m < 3; m++)
        {
            var codes = Pick(r, s_remoteTransient, 2).Select(Quote).ToList();
            var verb = s_verbs[r.Next(s_verbs.Length)];
            w.Line($"public string {Capitalize(verb)}{m}WithRetry()").Open().Line("for (var attempt = 1; ; attempt++)").Open().Line("try").Open();
            w.Line($"return _client.Get(\"/api/{noun.ToLowerInvariant()}s/{verb}\");").Close().Line("catch (RemoteServiceException e) when (attempt < 4)").Open();
            w.Line($"if (e.Code == {codes[0]} || e.Code == {codes[1]})").Open().Line("Thread.Sleep(100 * attempt);").Line("continue;").Close();
            w.Line("throw;").Close().Close().Close().Line();
        }

        w.Close();
    }

    /// <summary>
    /// In half of the SDK-retry files, after them (same service, so the file's usings apply): retries that name no code (DEW007: a WithRetry condition that admits every
    /// exception, a loop that goes round for every service error) beside one that retries only 5xx and transport errors (not
    /// reported). Its own random generator, so the code before it is the same with or without this section.
    /// </summary>
    private void BlanketRetries(Writer w, string noun, int index, bool kms)
    {
        var r = new Random(Seed ^ (index * 7919));
        if (r.Next(100) >= 50)
        {
            return;
        }

        var op = Operation(r, kms);
        var op2 = Operation(r, kms);
        var op3 = Operation(r, kms);
        w.Line().Open("namespace Contoso.Security");
        w.Open($"public sealed class {noun}BlanketRetries{index}");
        w.Line($"private readonly {AsyncClient(kms)} _client;").Line();
        w.Line($"public {noun}BlanketRetries{index}({AsyncClient(kms)} client) => _client = client;").Line();
        w.Line($"public Task<{op.Name}Response> {op.Name}WithRetryAsync({op.Name}Request request)");
        w.Line($"    => _client.{op.Name}AsyncInvoker(request).WithRetry((response, exception) => exception != null, 3, BackoffStrategies.EqualJitter).Invoke();").Line();
        w.Line($"public async Task<{op2.Name}Response> {op2.Name}WithLoopAsync({op2.Name}Request request)").Open().Line("var attempt = 0;").Line("while (true)").Open();
        w.Line($"try {{ return await _client.{op2.Name}Async(request); }}");
        w.Line(r.Next(2) == 0 ? "catch (ServiceResponseException) when (attempt++ < 3) { await Task.Delay(100 * attempt); }" : "catch (ClientRequestException e) when (attempt++ < 3) { Console.WriteLine(e.ErrorMsg); }");
        w.Close().Close().Line();
        w.Line($"public async Task<{op3.Name}Response> {op3.Name}WithTransportRetryAsync({op3.Name}Request request)").Open().Line("for (var attempt = 1; ; attempt++)").Open();
        w.Line($"try {{ return await _client.{op3.Name}Async(request); }}");
        w.Line("catch (ServerResponseException) when (attempt < 3) { }").Line("catch (ConnectionException) when (attempt < 3) { }");
        w.Close().Close();
        w.Close().Close();
    }

    // ---- codes --------------------------------------------------------------------------------------------------

    private OperationInfo Operation(Random r, bool kms)
    {
        var list = kms ? _kmsOperations : _csmsOperations;
        return list[r.Next(list.Length)];
    }

    /// <summary>The codes a handler lists: most of the operation's handle tier (sometimes all), a few planted findings.</summary>
    private List<string> HandledCodes(Random r, OperationInfo op, bool kms)
    {
        var handle = op.Handle.ToList();
        var keep = r.Next(100) < 60 ? handle.Count : Math.Max(1, handle.Count - 1 - r.Next(2));
        var codes = Pick(r, handle, keep).ToList();
        var roll = r.Next(100);
        if (roll < 6)
        {
            codes.Add(Undocumented(r, kms)); // DEW001
        }
        else if (roll < 9)
        {
            codes.Add(Quote((kms ? "kms." : "csms.") + codes[0].Substring(codes[0].IndexOf('.') + 1))); // DEW001 near miss
        }
        else if (roll < 15)
        {
            var other = op.Also.Length > 0 ? op.Also[r.Next(op.Also.Length)] : null;
            if (other is not null && !codes.Contains(other))
            {
                codes.Add(other);
            }
        }

        return codes.Distinct().Select(c => c.StartsWith('"') ? c : Spell(r, c)).ToList();
    }

    /// <summary>Codes a retry admits: transient ones, and one in ten is a non-transient (DEW004 finding).</summary>
    private List<string> RetryCodes(Random r, bool kms, int count)
    {
        var transient = kms ? _kmsTransient : _csmsTransient;
        var other = kms ? _kmsNonTransient : _csmsNonTransient;
        var raw = new List<string>();
        for (var attempt = 0; raw.Count < count && attempt < 20; attempt++)
        {
            var entry = r.Next(100) < 10 ? other[r.Next(other.Length)] : transient[r.Next(transient.Length)];
            if (!raw.Contains(entry.Code))
            {
                raw.Add(entry.Code);
            }
        }

        var codes = raw.Select(c => Spell(r, c)).ToList();
        while (codes.Count < count)
        {
            codes.Add(Undocumented(r, kms));
        }

        return codes;
    }

    /// <summary>
    /// A documented code as its generated constant, or (one time in ten) as a literal: a DEW002 finding. Code bases
    /// that use the package mostly use the constants; the rate keeps DEW002 at a few findings per thousand lines.
    /// </summary>
    private string Spell(Random r, string code)
    {
        if (r.Next(10) != 0 && _catalog.TryGetEntry(code, out var entry))
        {
            return DewAnalyzers.CatalogConstants.DisplayName(entry);
        }

        return Quote(code);
    }

    private string Undocumented(Random r, bool kms)
    {
        for (; ;)
        {
            var code = (kms ? "KMS." : "CSMS.") + r.Next(1, 9999).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            if (!_catalog.Contains(code))
            {
                return Quote(code);
            }
        }
    }

    private static string Quote(string text) => "\"" + text + "\"";

    private static IEnumerable<T> Pick<T>(Random r, IReadOnlyList<T> items, int count)
    {
        var indexes = Enumerable.Range(0, items.Count).OrderBy(_ => r.Next()).Take(Math.Min(count, items.Count)).OrderBy(i => i);
        return indexes.Select(i => items[i]).ToList();
    }

    private static string Phrase(Random r)
    {
        string[] words = { "default", "value", "for", "the", "primary", "region", "when", "unset", "fallback", "cluster" };
        return string.Join(" ", Enumerable.Range(0, 2 + r.Next(4)).Select(_ => words[r.Next(words.Length)]));
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    /// <summary>Indented text writer.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _builder = new();
        private int _indent;

        public Writer Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
            }

            _builder.Append(text).Append('\n');
            return this;
        }

        public Writer Open(string? header = null)
        {
            if (header is not null)
            {
                Line(header);
            }

            Line("{");
            _indent++;
            return this;
        }

        public Writer Close(string closing = "}")
        {
            _indent--;
            return Line(closing);
        }

        public override string ToString() => _builder.ToString();
    }
}
