using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DewAnalyzers.Catalog;

/// <summary>Operation → codes, read from Operations.tsv and CodeGroups.tsv.</summary>
internal sealed class OperationMap
{
    private readonly Dictionary<string, OperationInfo> _byKey;

    private OperationMap(Dictionary<string, OperationInfo> byKey, ImmutableArray<OperationInfo> all)
    {
        _byKey = byKey;
        All = all;
    }

    public ImmutableArray<OperationInfo> All { get; }

    public bool TryGet(string service, string operation, out OperationInfo info)
        => _byKey.TryGetValue(Key(service, operation), out info!);

    public static OperationMap Parse(string operationsText, string groupsText, Func<string, bool> isKnownCode)
    {
        var groups = ParseGroups(groupsText, isKnownCode);
        var byKey = new Dictionary<string, OperationInfo>(StringComparer.Ordinal);
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
            var info = new OperationInfo(service, fields[1], handle, also, maybe);
            byKey.Add(Key(service, info.Name), info);
            all.Add(info);
        }

        return new OperationMap(byKey, all.ToImmutable());
    }

    private static string Key(string service, string operation) => service + "/" + operation;

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
