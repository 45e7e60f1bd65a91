using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace JustOneApi.Xingtu.Client
{
    /// <summary>
    /// Spaces out request starts, retries included: never more than MaxRequestsPerSecond, and, after the API says
    /// it is rate limiting us, an adaptive limit that halves the rate we were sending at, creeps back up with each
    /// answer that is not a rate limit, and lifts once the API has been quiet for <see cref="SlowDownPeriod"/>.
    /// </summary>
    internal sealed class RateGate
    {
        /// <summary>How long the adaptive limit lasts after the last rate-limit answer.</summary>
        public static readonly TimeSpan SlowDownPeriod = TimeSpan.FromSeconds(10);

        /// <summary>Rate-limit answers closer together than this are one signal: they answer requests already sent.</summary>
        public static readonly TimeSpan CutInterval = TimeSpan.FromSeconds(1);

        /// <summary>The adaptive limit never goes below this many starts per second.</summary>
        public const double SlowestRate = 1;

        private const int Buckets = 10;
        private static readonly long BucketTicks = TimeSpan.TicksPerSecond / Buckets;

        private readonly object _lock = new object();
        private TimeSpan _capSpacing;
        private readonly Func<TimeSpan> _clock;
        private readonly int[] _starts = new int[Buckets];
        private long _lastBucket;
        private TimeSpan _nextStart;
        private double _adaptiveRate;
        private TimeSpan _lastCut;

        /// <summary>Creates a gate; <paramref name="clock"/> tells the time, and tests pass one they move by hand.</summary>
        public RateGate(double maxRequestsPerSecond, Func<TimeSpan>? clock = null)
        {
            _capSpacing = SpacingOf(maxRequestsPerSecond);
            if (clock == null)
            {
                Stopwatch watch = Stopwatch.StartNew();
                clock = () => watch.Elapsed;
            }

            _clock = clock;
        }

        /// <summary>The spacing in force now; zero when starts are not limited.</summary>
        public TimeSpan CurrentSpacing
        {
            get
            {
                lock (_lock)
                {
                    return Spacing(_clock());
                }
            }
        }

        /// <summary>Changes the cap on starts per second (0 for none), for every call that shares this gate.</summary>
        public void SetCap(double maxRequestsPerSecond)
        {
            lock (_lock)
            {
                _capSpacing = SpacingOf(maxRequestsPerSecond);
            }
        }

        /// <summary>Waits for this request's turn to start.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_lock)
            {
                TimeSpan now = _clock();
                CountStart(now);
                TimeSpan spacing = Spacing(now);
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

        /// <summary>Called on a rate-limit answer: halves the rate of the last second (once per <see cref="CutInterval"/>).</summary>
        public void SlowDown()
        {
            lock (_lock)
            {
                TimeSpan now = _clock();
                if (_adaptiveRate > 0 && now - _lastCut < CutInterval)
                {
                    return;
                }

                double sent = Math.Max(SlowestRate, StartsInLastSecond(now));
                double current = _adaptiveRate > 0 ? Math.Min(_adaptiveRate, sent) : sent;
                _adaptiveRate = Math.Max(SlowestRate, current / 2);
                _lastCut = now;
            }
        }

        /// <summary>Called on any other answer: the adaptive limit rises by one start per second, or lifts when it is due.</summary>
        public void Succeeded()
        {
            lock (_lock)
            {
                if (_adaptiveRate > 0)
                {
                    _adaptiveRate = _clock() - _lastCut >= SlowDownPeriod ? 0 : _adaptiveRate + 1;
                }
            }
        }

        private static TimeSpan SpacingOf(double maxRequestsPerSecond) =>
            maxRequestsPerSecond > 0 ? TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / maxRequestsPerSecond)) : TimeSpan.Zero;

        private TimeSpan Spacing(TimeSpan now)
        {
            if (_adaptiveRate > 0 && now - _lastCut >= SlowDownPeriod)
            {
                _adaptiveRate = 0;
            }

            TimeSpan adaptive = _adaptiveRate > 0 ? TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / _adaptiveRate)) : TimeSpan.Zero;
            return adaptive > _capSpacing ? adaptive : _capSpacing;
        }

        private void CountStart(TimeSpan now)
        {
            Advance(now);
            _starts[(int)(_lastBucket % Buckets)]++;
        }

        private int StartsInLastSecond(TimeSpan now)
        {
            Advance(now);
            int total = 0;
            foreach (int count in _starts)
            {
                total += count;
            }

            return total;
        }

        /// <summary>Moves the ring of 100 ms buckets up to now, emptying the buckets that fell out of the last second.</summary>
        private void Advance(TimeSpan now)
        {
            long bucket = now.Ticks / BucketTicks;
            for (long b = Math.Max(_lastBucket + 1, bucket - Buckets + 1); b <= bucket; b++)
            {
                _starts[(int)(b % Buckets)] = 0;
            }

            if (bucket > _lastBucket)
            {
                _lastBucket = bucket;
            }
        }
    }
}
