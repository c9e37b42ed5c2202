using System;

namespace DewAnalyzers.Catalog;

/// <summary>Parses and formats the catalog's <c>retry</c> column.</summary>
internal static class RetryClasses
{
    private static readonly string[] AfterActionKinds = { "credential", "state", "quota", "permission", "account" };

    public static bool TryParse(string text, out RetryClass retry, out string detail)
    {
        var colon = text.IndexOf(':');
        var head = colon < 0 ? text : text.Substring(0, colon);
        detail = colon < 0 ? string.Empty : text.Substring(colon + 1);
        switch (head)
        {
            case "transient":
                retry = RetryClass.Transient;
                return detail.Length == 0;
            case "permanent":
                retry = RetryClass.Permanent;
                return detail.Length == 0 || detail == "no-op";
            case "after-action":
                retry = RetryClass.AfterAction;
                return Array.IndexOf(AfterActionKinds, detail) >= 0;
            default:
                retry = RetryClass.Permanent;
                return false;
        }
    }

    public static string Format(RetryClass retry, string detail)
    {
        var head = retry switch
        {
            RetryClass.Transient => "transient",
            RetryClass.AfterAction => "after-action",
            _ => "permanent",
        };
        return detail.Length == 0 ? head : head + ":" + detail;
    }
}
