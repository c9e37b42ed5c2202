using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DewAnalyzers.Catalog;

/// <summary>
/// The operations that remedy an <c>after-action:state</c> code (Remedies.tsv): KMS.0209 "key disabled" is remedied by
/// EnableKey, KMS.0210 "pending deletion" by CancelKeyDeletion… A retry that performs the remedy first may succeed.
/// Parsed once per process.
/// </summary>
internal static class Remedies
{
    private static readonly Lazy<Dictionary<string, ImmutableArray<(string Service, string Operation)>>> s_byCode = new(Load);

    /// <summary>True when calling <paramref name="operation"/> remedies <paramref name="code"/>.</summary>
    public static bool IsRemedy(string code, OperationInfo operation)
    {
        if (!s_byCode.Value.TryGetValue(code, out var remedies))
        {
            return false;
        }

        foreach (var (service, name) in remedies)
        {
            if (service == operation.Service && name == operation.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some operation remedies <paramref name="code"/>.</summary>
    public static bool HasRemedy(string code) => s_byCode.Value.ContainsKey(code);

    private static Dictionary<string, ImmutableArray<(string Service, string Operation)>> Load()
    {
        var result = new Dictionary<string, ImmutableArray<(string, string)>>(StringComparer.Ordinal);
        foreach (var line in ErrorCodeCatalog.ReadResource("Remedies.tsv").Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = trimmed.Split('\t');
            var remedies = ImmutableArray.CreateBuilder<(string, string)>();
            foreach (var remedy in columns[1].Split(' '))
            {
                var dot = remedy.IndexOf('.');
                remedies.Add((remedy.Substring(0, dot), remedy.Substring(dot + 1)));
            }

            result.Add(columns[0], remedies.ToImmutable());
        }

        return result;
    }
}
