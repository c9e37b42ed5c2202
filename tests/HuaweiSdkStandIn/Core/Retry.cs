// Stand-in for the Huawei Cloud .NET SDK (HuaweiCloud.SDK.Core/Kms/Csms 3.1.207) public surface, written from shared/reference/huawei-sdk-surface.md because the SDK package is not on this machine's NuGet feed. Shapes only; no behaviour.

using System;

namespace HuaweiCloud.SDK.Core
{
    /// <summary>Delay between invoker retries (reference §4.1).</summary>
    public interface IBackoffStrategy
    {
        int CalculateRetryDelayMillis(int retries);
    }

    internal static class RetryDelay
    {
        internal const int Base = 10;
        internal const int Max = 60000;
    }

    /// <summary><c>min(60000, 10·2^retries)</c> ms.</summary>
    public class ExponentialBackoffStrategy : IBackoffStrategy
    {
        public virtual int CalculateRetryDelayMillis(int retries)
        {
            if (retries < 0)
            {
                retries = 0;
            }

            return retries >= 13 ? RetryDelay.Max : Math.Min(RetryDelay.Max, RetryDelay.Base << retries);
        }
    }

    /// <summary>Half of the exponential delay plus a random part up to that half.</summary>
    public class EqualJitterBackoffStrategy : ExponentialBackoffStrategy
    {
        private readonly Random _random = new Random();

        public override int CalculateRetryDelayMillis(int retries)
        {
            var half = base.CalculateRetryDelayMillis(retries) / 2;
            return half + _random.Next(1, Math.Max(2, half));
        }
    }

    /// <summary>A random delay up to the exponential delay.</summary>
    public class RandomJitterBackoffStrategy : ExponentialBackoffStrategy
    {
        private readonly Random _random = new Random();

        public override int CalculateRetryDelayMillis(int retries)
        {
            return _random.Next(1, Math.Max(2, base.CalculateRetryDelayMillis(retries)));
        }
    }

    /// <summary>10–30 ms whatever the retry count.</summary>
    public class DecorRelatedJitterBackoffStrategy : IBackoffStrategy
    {
        private readonly Random _random = new Random();

        public int CalculateRetryDelayMillis(int retries)
        {
            return Math.Min(RetryDelay.Max, _random.Next(RetryDelay.Base, RetryDelay.Base * 3));
        }
    }

    /// <summary>Retry immediately.</summary>
    public class NoBackoffStrategy : IBackoffStrategy
    {
        public int CalculateRetryDelayMillis(int retries)
        {
            return 0;
        }
    }

    /// <summary>Presets. There is no preset for plain exponential backoff; use <c>new ExponentialBackoffStrategy()</c>.</summary>
    public static class BackoffStrategies
    {
        public static readonly IBackoffStrategy DecorRelatedJitter = new DecorRelatedJitterBackoffStrategy();
        public static readonly IBackoffStrategy EqualJitter = new EqualJitterBackoffStrategy();
        public static readonly IBackoffStrategy RandomJitter = new RandomJitterBackoffStrategy();
        public static readonly IBackoffStrategy None = new NoBackoffStrategy();
    }
}
