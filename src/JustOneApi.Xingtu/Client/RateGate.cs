using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// Spaces out request starts, retries included: at most MaxRequestsPerSecond, and slower for a while after the
    /// API says it is rate limiting us, so a batch backs off instead of hammering it.
    /// </summary>
    internal sealed class RateGate
    {
        /// <summary>How long a slow-down lasts after the last rate-limit answer.</summary>
        public static readonly TimeSpan SlowDownPeriod = TimeSpan.FromSeconds(10);

        private static readonly TimeSpan FirstSlowDownSpacing = TimeSpan.FromMilliseconds(50);
        private static readonly TimeSpan SlowestSpacing = TimeSpan.FromSeconds(2);

        private readonly object _lock = new object();
        private readonly TimeSpan _capSpacing;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _nextStart;
        private TimeSpan _slowDownSpacing;
        private TimeSpan _slowDownUntil;

        public RateGate(double maxRequestsPerSecond)
        {
            _capSpacing = maxRequestsPerSecond > 0 ? TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / maxRequestsPerSecond)) : TimeSpan.Zero;
        }

        /// <summary>The spacing in force now; zero when starts are not limited.</summary>
        public TimeSpan CurrentSpacing
        {
            get
            {
                lock (_lock)
                {
                    return SpacingAt(_clock.Elapsed);
                }
            }
        }

        /// <summary>Waits for this request's turn to start.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_lock)
            {
                TimeSpan now = _clock.Elapsed;
                TimeSpan spacing = SpacingAt(now);
                if (spacing == TimeSpan.Zero)
                {
                    return Task.CompletedTask;
                }

                TimeSpan start = _nextStart > now ? _nextStart : now;
                _nextStart = start + spacing;
                wait = start - now;
            }

            return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
        }

        /// <summary>Called on a rate-limit answer: doubles the spacing, up to one start every 2 s, for the next 10 s.</summary>
        public void SlowDown()
        {
            lock (_lock)
            {
                TimeSpan now = _clock.Elapsed;
                TimeSpan current = now < _slowDownUntil ? _slowDownSpacing : TimeSpan.Zero;
                TimeSpan doubled = current == TimeSpan.Zero ? FirstSlowDownSpacing : TimeSpan.FromTicks(current.Ticks * 2);
                _slowDownSpacing = doubled > SlowestSpacing ? SlowestSpacing : doubled;
                _slowDownUntil = now + SlowDownPeriod;
            }
        }

        private TimeSpan SpacingAt(TimeSpan now) =>
            now < _slowDownUntil && _slowDownSpacing > _capSpacing ? _slowDownSpacing : _capSpacing;
    }
}
