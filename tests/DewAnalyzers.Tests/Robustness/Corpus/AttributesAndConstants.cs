// refs: sdk
using System;
using System.Collections.Generic;
using System.ComponentModel;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;

namespace Corpus.Constants
{
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
    public sealed class HandlesAttribute : Attribute
    {
        public HandlesAttribute(string code) => Code = code;

        public HandlesAttribute(params string[] codes) => Code = string.Join(",", codes);

        public string Code { get; }
    }

    public static class Codes
    {
        public const string NotFound = "KMS.0207";
        public const string Typo = "KMS.0270";
        public const string Concatenated = "KMS." + "0207";
        public const string Custom = "APIG.0308";
        public const string Lower = "kms.0207";
        public static readonly IReadOnlyDictionary<string, string> Messages = new Dictionary<string, string>
        {
            ["KMS.0207"] = "not found",
            [KmsErrorCodes.KeyNotFound + "x"] = "never",
            ["CSMS.0401"] = "secret missing",
        };
    }

    [Handles("KMS.0207")]
    [Handles("KMS.0101", "KMS.9998")]
    [Description("KMS.0207 means the key is gone")]
    public sealed class Handler
    {
        public bool Matches(ServiceResponseException e, string code = "KMS.0207") => e.ErrorCode == code;

        public bool MatchesConst(ServiceResponseException e) => e.ErrorCode == Codes.NotFound || e.ErrorCode == Codes.Typo;

        public bool Interpolated(ServiceResponseException e) => e.ErrorCode == $"KMS.{207:D4}" || e.ErrorCode == $"{"KMS.0207"}";

        public string Verbatim() => @"KMS.0207" + """KMS.0207""" + "KMS.0207"u8.Length;

        public bool Generic<T>(T error) where T : ServiceResponseException => error.ErrorCode == "KMS-0207" || error.ErrorCode == nameof(KmsErrorCodes.KeyNotFound);

        public bool LocalFunction(SdkException error)
        {
            return Check(error as ServiceResponseException);

            static bool Check(ServiceResponseException e) => e?.ErrorCode == "KMS.0207" || e?.ErrorCode is "KMS.0206";
        }

        public bool Dynamic(dynamic e) => e.ErrorCode == "KMS.0207";

        public int Ternary(ServiceResponseException e) => e.ErrorCode == "KMS.0207" ? 1 : e.ErrorCode == " KMS.0207 " ? 2 : 0;

        public object Anonymous(ServiceResponseException e) => new { Code = "KMS.0207", Same = e.ErrorCode.Equals("KMS.0207") };
    }

    public record ErrorRecord(string Code = "KMS.0207")
    {
        public bool IsNotFound => Code == KmsErrorCodes.KeyNotFound;
    }

    public struct Holder
    {
        public string Code;

        public bool Check(SdkError error) => error.ErrorCode == Code || error.ErrorCode == "CSMS.0401";
    }
}
