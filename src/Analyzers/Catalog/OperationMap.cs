using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DewAnalyzers.Catalog;

/// <summary>Operation → codes, read from Operations.tsv and CodeGroups.tsv.</summary>
internal sealed class OperationMap
{
    /// <summary>
    /// The SDK's client methods for one operation <c>X</c>: <c>X</c>, <c>XAsyncInvoker</c>, <c>XInvoker</c>, <c>XAsync</c>,
    /// in the order a method name is matched (an operation's own name always wins).
    /// </summary>
    private static readonly string[] s_methodSuffixes = { string.Empty, "AsyncInvoker", "Invoker", "Async" };

    private readonly Dictionary<(string Service, string Operation), OperationInfo> _byKey;
    private readonly Dictionary<(string Service, string Method), OperationInfo> _byMethod = new();
    private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal);

    private OperationMap(Dictionary<(string Service, string Operation), OperationInfo> byKey, ImmutableArray<OperationInfo> all)
    {
        _byKey = byKey;
        All = all;
        foreach (var suffix in s_methodSuffixes)
        {
            foreach (var info in all)
            {
                var method = (info.Service, info.Name + suffix);
                if (!_byMethod.ContainsKey(method))
                {
                    _byMethod.Add(method, info);
                }

                _methodNames.Add(method.Item2);
            }
        }
    }

    public ImmutableArray<OperationInfo> All { get; }

    public bool TryGet(string service, string operation, out OperationInfo info)
        => _byKey.TryGetValue((service, operation), out info!);

    /// <summary>
    /// True when a client method of this name can call a catalogued operation. Asked first for every invocation in a try
    /// block, so calls of anything else are rejected before their receiver type is looked at.
    /// </summary>
    public bool IsClientMethodName(string name) => _methodNames.Contains(name);

    /// <summary>The operation a client method of <paramref name="service"/> calls (<c>DecryptDataAsyncInvoker</c> → DecryptData).</summary>
    public bool TryGetByMethodName(string service, string method, out OperationInfo info)
        => _byMethod.TryGetValue((service, method), out info!);

    public static OperationMap Parse(string operationsText, string groupsText, Func<string, bool> isKnownCode)
    {
        var groups = ParseGroups(groupsText, isKnownCode);
        var inferred = InferredOperations(operationsText);
        var byKey = new Dictionary<(string Service, string Operation), OperationInfo>();
        var all = ImmutableArray.CreateBuilder<OperationInfo>();
        foreach (var fields in DataLines(operationsText, "service"))
        {
            if (fields.Length != 5)
            {
                throw new InvalidOperationException($"Operations.tsv: expected 5 columns in '{string.Join("\t", fields)}'");
            }

            var service = fields[0];
            var handle = Resolve(fields[2], groups, isKnownCode, exclude: null);
            var handleSet = new HashSet<string>(handle, StringComparer.Ordinal);
            var also = Resolve(fields[3], groups, isKnownCode, handleSet);
            handleSet.UnionWith(also);
            var maybe = Resolve(fields[4], groups, isKnownCode, handleSet);
            var info = new OperationInfo(service, fields[1], handle, also, maybe, inferred.Contains((service, fields[1])));
            byKey.Add((service, info.Name), info);
            all.Add(info);
        }

        return new OperationMap(byKey, all.ToImmutable());
    }

    /// <summary>The operations a comment marks as inferred: <c># KMS ReEncrypt (…): … inferred by analogy …</c>.</summary>
    private static HashSet<(string Service, string Operation)> InferredOperations(string operationsText)
    {
        var inferred = new HashSet<(string, string)>();
        foreach (var raw in operationsText.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("#", StringComparison.Ordinal) || line.IndexOf("inferred by analogy", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var words = line.Substring(1).Split(new[] { ' ' }, 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0] is "KMS" or "CSMS")
            {
                inferred.Add((words[0], words[1]));
            }
        }

        return inferred;
    }

    private static Dictionary<string, string[]> ParseGroups(string text, Func<string, bool> isKnownCode)
    {
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var fields in DataLines(text, "group"))
        {
            var codes = fields[1].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            foreach (var code in codes)
            {
                if (!isKnownCode(code))
                {
                    throw new InvalidOperationException($"CodeGroups.tsv: group {fields[0]} names unknown code {code}");
                }
            }

            groups.Add(fields[0], codes);
        }

        return groups;
    }

    private static ImmutableArray<string> Resolve(string column, Dictionary<string, string[]> groups, Func<string, bool> isKnownCode, HashSet<string>? exclude)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in column.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "-")
            {
                continue;
            }

            IEnumerable<string> codes;
            if (groups.TryGetValue(token, out var groupCodes))
            {
                codes = groupCodes;
            }
            else if (isKnownCode(token))
            {
                codes = new[] { token };
            }
            else
            {
                throw new InvalidOperationException($"Operations.tsv: unknown code or group '{token}'");
            }

            foreach (var code in codes)
            {
                if ((exclude is null || !exclude.Contains(code)) && seen.Add(code))
                {
                    result.Add(code);
                }
            }
        }

        return result.ToImmutable();
    }

    private static IEnumerable<string[]> DataLines(string text, string headerFirstColumn)
    {
        foreach (var line in CatalogParser.Lines(text.TrimStart('\uFEFF')))
        {
            if (line.Trim().Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields[0] == headerFirstColumn)
            {
                continue;
            }

            yield return fields;
        }
    }
}
