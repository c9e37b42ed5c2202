// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System;
using System.Collections.Generic;
using HuaweiCloud.SDK.Core.Auth;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>
    /// Base class of every service client (KmsClient, KmsAsyncClient, CsmsClient, …). Service clients are
    /// created through <c>XxxClient.NewBuilder()</c>, which returns a <see cref="ClientBuilder{T}"/>.
    /// The stand-in stores what the builder was given and never sends anything.
    /// </summary>
    public class Client
    {
        internal ICredential Credential { get; set; }

        internal List<string> Endpoints { get; set; }

        internal HttpConfig HttpConfig { get; set; }

        internal IExceptionHandler ExceptionHandler { get; set; }

        internal Region Region { get; set; }

        internal string DerivedAuthServiceName { get; set; }

        public class ClientBuilder<T> where T : Client
        {
            private ICredential _credentials;
            private HttpConfig _httpConfig;
            private Region _region;
            private List<string> _endpoints;
            private IExceptionHandler _exceptionHandler;
            private string _derivedAuthServiceName;

            public ClientBuilder()
            {
            }

            public ClientBuilder(string credentialType)
            {
                CredentialType = credentialType;
            }

            internal string CredentialType { get; }

            public ClientBuilder<T> WithCredential(ICredential credentials)
            {
                _credentials = credentials;
                return this;
            }

            public ClientBuilder<T> WithHttpConfig(HttpConfig httpConfig)
            {
                _httpConfig = httpConfig;
                return this;
            }

            public ClientBuilder<T> WithRegion(Region region)
            {
                _region = region;
                return this;
            }

            [Obsolete("As of 3.1.26, because of the support of the multi-endpoint feature, use WithEndPoints instead")]
            public ClientBuilder<T> WithEndPoint(string endpoint)
            {
                return WithEndPoints(new List<string> { endpoint });
            }

            public ClientBuilder<T> WithEndPoints(List<string> endpoints)
            {
                _endpoints = endpoints;
                return this;
            }

            public ClientBuilder<T> WithExceptionHandler(IExceptionHandler exceptionHandler)
            {
                _exceptionHandler = exceptionHandler;
                return this;
            }

            public ClientBuilder<T> WithDerivedAuthServiceName(string derivedAuthServiceName)
            {
                _derivedAuthServiceName = derivedAuthServiceName;
                return this;
            }

            /// <summary>Creates the client. The stand-in does no project-id lookup and opens no connection.</summary>
            public T Build()
            {
                T client = Activator.CreateInstance<T>();
                client.Credential = _credentials;
                client.HttpConfig = _httpConfig ?? HttpConfig.GetDefaultConfig();
                client.Region = _region;
                client.Endpoints = _endpoints ?? _region?.Endpoints;
                client.ExceptionHandler = _exceptionHandler;
                client.DerivedAuthServiceName = _derivedAuthServiceName;
                return client;
            }
        }
    }
}
