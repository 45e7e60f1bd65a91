using System;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Client;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    public class RetryPolicyTests
    {
        private static RetryPolicy Policy(double random, double intervalSeconds = 1, int maximumRetryCount = 3) =>
            new RetryPolicy(maximumRetryCount, TimeSpan.FromSeconds(intervalSeconds), () => random);

        [Theory]
        [InlineData(1, 1.0)]
        [InlineData(2, 2.0)]
        [InlineData(3, 4.0)]
        [InlineData(4, 8.0)]
        [InlineData(6, 32.0)]
        public void Delay_DoublesFromRetryInterval(int retry, double seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), Policy(0).Delay(retry, null));
        }

        [Fact]
        public void Delay_StartsAtRetryInterval()
        {
            Assert.Equal(TimeSpan.FromMilliseconds(250), Policy(0, 0.25).Delay(1, null));
            Assert.Equal(TimeSpan.FromMilliseconds(500), Policy(0, 0.25).Delay(2, null));
            Assert.Equal(TimeSpan.Zero, Policy(0.999, 0).Delay(3, null));
        }

        [Theory]
        [InlineData(1, 2.0)]
        [InlineData(3, 8.0)]
        public void Jitter_AddsUpToHalfAgain(int retry, double baseSeconds)
        {
            TimeSpan low = Policy(0, 2).Delay(retry, null);
            TimeSpan mid = Policy(0.5, 2).Delay(retry, null);
            TimeSpan high = Policy(0.999, 2).Delay(retry, null);

            Assert.Equal(TimeSpan.FromSeconds(baseSeconds), low);
            Assert.Equal(baseSeconds * 1.25, mid.TotalSeconds, 6);
            Assert.Equal(baseSeconds * 1.4995, high.TotalSeconds, 6);
            Assert.True(high >= low && high < TimeSpan.FromSeconds(baseSeconds * 1.5));
        }

        [Fact]
        public void Delay_IsCappedAtMaximumBackoff_BeforeJitter()
        {
            Assert.Equal(TimeSpan.FromSeconds(60), RetryPolicy.MaximumBackoff);
            Assert.Equal(RetryPolicy.MaximumBackoff, Policy(0, 10).Delay(4, null));
            Assert.Equal(TimeSpan.FromSeconds(40), Policy(0, 10).Delay(3, null));
            Assert.Equal(RetryPolicy.MaximumBackoff, Policy(0, 1).Delay(1000, null));
            Assert.Equal(RetryPolicy.MaximumBackoff, Policy(0, 1).Delay(int.MaxValue, null));

            // The cap comes before the jitter: 60 s, then half of it times the fixed random 0.999 on top.
            Assert.Equal(60 * 1.4995, Policy(0.999, 10).Delay(50, null).TotalSeconds, 6);
        }

        [Fact]
        public void RetryAfter_WinsOnlyWhenLonger()
        {
            RetryPolicy policy = Policy(0);

            Assert.Equal(TimeSpan.FromSeconds(7), policy.Delay(1, TimeSpan.FromSeconds(7)));
            Assert.Equal(TimeSpan.FromSeconds(4), policy.Delay(3, TimeSpan.FromSeconds(1)));
            Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay(1, TimeSpan.Zero));
            Assert.Equal(TimeSpan.FromSeconds(300), policy.Delay(1, TimeSpan.FromSeconds(300)));
        }

        [Theory]
        [InlineData(3, 1, true)]
        [InlineData(3, 3, true)]
        [InlineData(3, 4, false)]
        [InlineData(0, 1, false)]
        [InlineData(1, 1, true)]
        [InlineData(1, 2, false)]
        public void MayRetry_CountsAttemptsAgainstMaximumRetryCount(int maximumRetryCount, int attempts, bool expected)
        {
            Assert.Equal(expected, Policy(0, 1, maximumRetryCount).MayRetry(attempts));
        }

        [Fact]
        public void RateGate_Unlimited_NeverWaits()
        {
            var gate = new RateGate(0);

            Assert.Equal(TimeSpan.Zero, gate.CurrentSpacing);
            for (int i = 0; i < 100; i++)
            {
                Assert.True(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
            }
        }

        [Fact]
        public void RateGate_Cap_SpacesStarts()
        {
            var gate = new RateGate(1);
            using var cancel = new CancellationTokenSource();

            Assert.Equal(TimeSpan.FromSeconds(1), gate.CurrentSpacing);
            Assert.True(gate.WaitAsync(cancel.Token).IsCompletedSuccessfully);
            Task second = gate.WaitAsync(cancel.Token);
            Assert.False(second.IsCompleted);

            cancel.Cancel();
            Assert.True(second.IsCanceled);
        }

        [Fact]
        public void RateGate_SlowDown_HalvesTheRateOfTheLastSecond()
        {
            var clock = new ManualClock();
            var gate = new RateGate(0, clock.Now);
            for (int i = 0; i < 40; i++)
            {
                Assert.True(gate.WaitAsync(CancellationToken.None).IsCompleted);
            }

            gate.SlowDown();

            Assert.Equal(TimeSpan.FromMilliseconds(50), gate.CurrentSpacing);
        }

        [Fact]
        public void RateGate_SlowDown_CountsAnswersWithinASecondAsOneSignal()
        {
            var clock = new ManualClock();
            var gate = new RateGate(0, clock.Now);
            for (int i = 0; i < 40; i++)
            {
                gate.WaitAsync(CancellationToken.None);
            }

            gate.SlowDown();
            gate.SlowDown();
            gate.SlowDown();
            Assert.Equal(TimeSpan.FromMilliseconds(50), gate.CurrentSpacing);

            // A second later, at the slowed rate of 20 a second, the next signal halves that again.
            clock.Advance(RateGate.CutInterval);
            using var cancel = new CancellationTokenSource();
            for (int i = 0; i < 20; i++)
            {
                gate.WaitAsync(cancel.Token);
            }

            gate.SlowDown();
            Assert.Equal(TimeSpan.FromMilliseconds(100), gate.CurrentSpacing);
            cancel.Cancel();
        }

        [Fact]
        public void RateGate_SlowDown_NeverGoesBelowTheSlowestRate()
        {
            var clock = new ManualClock();
            var gate = new RateGate(0, clock.Now);
            for (int i = 0; i < 9; i++)
            {
                gate.SlowDown();
                clock.Advance(RateGate.CutInterval);
            }

            Assert.Equal(TimeSpan.FromSeconds(1 / RateGate.SlowestRate), gate.CurrentSpacing);
        }

        [Fact]
        public void RateGate_RecoversWithAnswersAndLiftsAfterTheQuietPeriod()
        {
            var clock = new ManualClock();
            var gate = new RateGate(0, clock.Now);
            for (int i = 0; i < 40; i++)
            {
                gate.WaitAsync(CancellationToken.None);
            }

            gate.SlowDown();
            gate.Succeeded();
            gate.Succeeded();
            Assert.Equal(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 22), gate.CurrentSpacing);

            clock.Advance(RateGate.SlowDownPeriod);
            Assert.Equal(TimeSpan.Zero, gate.CurrentSpacing);
        }

        [Fact]
        public void RateGate_SlowDown_DoesNotLoosenAStricterCap()
        {
            var clock = new ManualClock();
            var gate = new RateGate(0.25, clock.Now);

            gate.SlowDown();

            Assert.Equal(TimeSpan.FromSeconds(4), gate.CurrentSpacing);
        }

        [Fact]
        public void AccountGates_OneGatePerBaseAddressAndToken()
        {
            var address = new Uri("http://127.0.0.1:5001/");
            RateGate first = AccountGates.For(address, "token-one", 0);

            Assert.Same(first, AccountGates.For(new Uri("http://127.0.0.1:5001"), "token-one", 0));
            Assert.NotSame(first, AccountGates.For(address, "token-two", 0));
            Assert.NotSame(first, AccountGates.For(new Uri("http://127.0.0.1:5002"), "token-one", 0));
        }

        [Fact]
        public void AccountGates_TheLatestCapAppliesToEveryCallOfTheAccount()
        {
            var address = new Uri("http://127.0.0.1:5003");
            RateGate gate = AccountGates.For(address, "token-cap", 0);
            Assert.Equal(TimeSpan.Zero, gate.CurrentSpacing);

            AccountGates.For(address, "token-cap", 4);

            Assert.Equal(TimeSpan.FromMilliseconds(250), gate.CurrentSpacing);
        }

        [Fact]
        public async Task AccountGates_ARateLimitSeenByOneCallSlowsTheOther()
        {
            var address = new Uri("http://127.0.0.1:5004");
            RateGate one = AccountGates.For(address, "token-shared", 0);
            RateGate other = AccountGates.For(address, "token-shared", 0);
            await one.WaitAsync(default);

            one.SlowDown();

            Assert.True(other.CurrentSpacing > TimeSpan.Zero);
        }

        private sealed class ManualClock
        {
            private TimeSpan _now = TimeSpan.FromSeconds(100);

            public TimeSpan Now() => _now;

            public void Advance(TimeSpan by) => _now += by;
        }
    }
}
