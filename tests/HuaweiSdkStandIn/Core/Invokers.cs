// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using HuaweiCloud.SDK.Core.Auth;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>
    /// Shared builder of the <c>XInvoker</c> / <c>XAsyncInvoker</c> call objects (Invokers since 3.1.69,
    /// <see cref="WithRetry"/> since 3.1.99). Retry happens only through invokers.
    /// </summary>
    public abstract class BaseInvoker<TInvoker, TResp>
        where TInvoker : BaseInvoker<TInvoker, TResp>
        where TResp : SdkResponse
    {
        private const int MaxRetriesLimit = 10;

        protected readonly Client Client;
        protected readonly string Method;
        protected readonly SdkRequest Request;
        protected readonly Func<HttpResponseMessage, TResp> DeserializeMethod;
        protected readonly SdkExchange SdkExchange;
        protected int MaxRetries;
        protected Func<TResp, SdkException, bool> RetryCondition;
        protected IBackoffStrategy BackoffStrategy;

        public BaseInvoker(Client client, string method, SdkRequest request, Func<HttpResponseMessage, TResp> deserializeMethod)
        {
            Client = client;
            Method = method;
            Request = request;
            DeserializeMethod = deserializeMethod;
            SdkExchange = new SdkExchange();
        }

        public TInvoker AddHeader(string key, string value)
        {
            if (Request.Header == null)
            {
                Request.Header = new Dictionary<string, string>();
            }

            Request.Header.Add(key, value);
            return (TInvoker)this;
        }

        public TInvoker WithExchange(Action<SdkExchange> action)
        {
            action?.Invoke(SdkExchange);
            return (TInvoker)this;
        }

        /// <summary>
        /// At most <c>1 + maxRetries</c> attempts. The condition is called with <c>(resp, null)</c> after a
        /// success and <c>(null, exception)</c> after an <see cref="SdkException"/>; other exceptions are not caught.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRetries"/> is greater than 10.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="retryCondition"/> or <paramref name="backoffStrategy"/> is null.</exception>
        public TInvoker WithRetry(Func<TResp, SdkException, bool> retryCondition, int maxRetries, IBackoffStrategy backoffStrategy)
        {
            if (maxRetries > MaxRetriesLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries,
                    "maxRetries must not be greater than " + MaxRetriesLimit);
            }

            RetryCondition = retryCondition ?? throw new ArgumentNullException(nameof(retryCondition));
            BackoffStrategy = backoffStrategy ?? throw new ArgumentNullException(nameof(backoffStrategy));
            MaxRetries = maxRetries;
            return (TInvoker)this;
        }

        public TInvoker ReplaceCredentialWhen(Func<ICredential, ICredential> function)
        {
            if (function != null && Client != null)
            {
                Client.Credential = function.Invoke(Client.Credential);
            }

            return (TInvoker)this;
        }
    }

    /// <summary>Returned by <c>KmsClient.XInvoker(...)</c> and friends.</summary>
    public class SyncInvoker<TResp> : BaseInvoker<SyncInvoker<TResp>, TResp>
        where TResp : SdkResponse
    {
        public SyncInvoker(Client client, string method, SdkRequest request, Func<HttpResponseMessage, TResp> deserializeMethod)
            : base(client, method, request, deserializeMethod)
        {
        }

        /// <exception cref="NotSupportedException">Always: the stand-in makes no network calls.</exception>
        public TResp Invoke()
        {
            throw StandIn.NoNetworkCalls();
        }
    }

    /// <summary>Returned by <c>KmsAsyncClient.XAsyncInvoker(...)</c> and friends.</summary>
    public class AsyncInvoker<TResp> : BaseInvoker<AsyncInvoker<TResp>, TResp>
        where TResp : SdkResponse
    {
        public AsyncInvoker(Client client, string method, SdkRequest request, Func<HttpResponseMessage, TResp> deserializeMethod)
            : base(client, method, request, deserializeMethod)
        {
        }

        /// <summary>The returned task always faults with <see cref="NotSupportedException"/>: the stand-in makes no network calls.</summary>
        public Task<TResp> Invoke()
        {
            return Task.FromException<TResp>(StandIn.NoNetworkCalls());
        }
    }

    /// <summary>Stand-in plumbing; not part of the real SDK surface.</summary>
    internal static class StandIn
    {
        internal const string NoNetworkCallsMessage = "Huawei SDK stand-in: no network calls";

        internal static NotSupportedException NoNetworkCalls()
        {
            return new NotSupportedException(NoNetworkCallsMessage);
        }

        internal static TResp Deserialize<TResp>(HttpResponseMessage response)
            where TResp : SdkResponse
        {
            throw NoNetworkCalls();
        }

        internal static SdkRequest NewRequest(string method, string path)
        {
            return new SdkRequest
            {
                Method = method,
                Path = path,
                ContentType = "application/json",
                Header = new Dictionary<string, string>(),
            };
        }
    }
}
