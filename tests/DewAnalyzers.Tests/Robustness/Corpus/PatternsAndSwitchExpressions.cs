// refs: sdk
using System;
using Dew.ErrorCodes;
using HuaweiCloud.SDK.Core;
using HuaweiCloud.SDK.Kms.V2;
using HuaweiCloud.SDK.Kms.V2.Model;

namespace Corpus.Patterns
{
    public enum Outcome { Retry, Fail, Ignore }

    public static class Classifier
    {
        public static Outcome Classify(ServiceResponseException e) => e.ErrorCode switch
        {
            "KMS.0101" or "KMS.0102" => Outcome.Retry,
            KmsErrorCodes.KeyNotFound => Outcome.Ignore,
            "KMS.0213" => Outcome.Fail,
            not null when e.HttpStatusCode >= 500 => Outcome.Retry,
            _ => Outcome.Fail,
        };

        public static bool IsGone(Exception e) => e is ServiceResponseException { ErrorCode: "KMS.0207" or "KMS.0206" };

        public static bool IsGoneNested(Exception e) => e is ClientRequestException { ErrorCode: not "kms.0207", HttpStatusCode: 404 };

        public static bool IsThrottled(ServiceResponseException e) => e.ErrorCode is "KMS.0110" or "KMS.0111";

        public static bool NotThrottled(ServiceResponseException e) => e.ErrorCode is not ("KMS.0110" or "KMS.0299");

        public static string Recover(KmsClient client)
        {
            try
            {
                return client.CreateKey(new CreateKeyRequest()).ToString();
            }
            catch (Exception ex) when (ex is ServiceResponseException { ErrorCode: var code } && code == "KMS.0302")
            {
                return code;
            }
            catch (ServiceResponseException ex)
            {
                return ex switch
                {
                    { ErrorCode: "KMS.0207" } => "gone",
                    ClientRequestException { ErrorCode: "KMS.0301" } => "quota",
                    { ErrorCode: { Length: > 20 } } => "weird",
                    _ => throw ex,
                };
            }
        }

        public static int Tuple(ServiceResponseException a, ServiceResponseException b) => (a.ErrorCode, b.ErrorCode) switch
        {
            ("KMS.0207", "KMS.0207") => 2,
            ("KMS.0207", _) or (_, "KMS.0207") => 1,
            _ => 0,
        };

        public static bool ListPattern(string[] codes) => codes is ["KMS.0207", .., "KMS.0101"];
    }
}
