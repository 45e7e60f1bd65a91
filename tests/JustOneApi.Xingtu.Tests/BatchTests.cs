using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Client;
using JustOneApi.Xingtu.Model;
using Xunit;
using ApiAnswer = JustOneApi.Xingtu.Model.ApiAnswer<JustOneApi.Xingtu.KolSpread>;
using KolSpreadBatch = JustOneApi.Xingtu.Client.RequestBatch<JustOneApi.Xingtu.KolSpread>;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    public class BatchTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

        private static string KolOf(HttpRequestMessage request) => TestSupport.QueryOf(request.RequestUri!)["kolId"];

        /// <summary>Takes entries as the cmdlet does, on this thread, until the window is empty.</summary>
        private static List<KolSpreadBatch.Entry> TakeAll(KolSpreadBatch batch)
        {
            var taken = new List<KolSpreadBatch.Entry>();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                batch.TakeLog().ToList();
                while (batch.TryTake(out KolSpreadBatch.Entry entry))
                {
                    taken.Add(entry);
                }

                if (batch.Count == 0)
                {
                    return taken;
                }

                Assert.True(clock.Elapsed < Patience, $"The batch did not finish within {Patience}; {batch.Count} entries left.");
                batch.WaitForChange(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }
        }

        [Fact]
        public async Task Results_AreTakenInInputOrder_WhenLaterKolsFinishFirst()
        {
            string[] ids = { "k1", "k2", "k3", "k4", "k5" };
            var firstGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var othersAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int answered = 0;
            var answerOrder = new ConcurrentQueue<string>();
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                string kol = KolOf(request);
                if (kol == "k1")
                {
                    await firstGate.Task.WaitAsync(ct);
                }

                answerOrder.Enqueue(kol);
                if (kol != "k1" && Interlocked.Increment(ref answered) == ids.Length - 1)
                {
                    othersAnswered.TrySetResult();
                }

                return TestSupport.RespondSample();
            });
            using var h = new ClientHarness(handler, throttleLimit: ids.Length);
            using var batch = new KolSpreadBatch(h.Client, TestSupport.Reader(), windowSize: 10, log: true);

            foreach (string id in ids)
            {
                batch.Add(TestSupport.Query(id));
            }

            await othersAnswered.Task.WaitAsync(Patience);
            Assert.False(batch.TryTake(out _));
            Assert.False(batch.AllFinished());
            firstGate.SetResult();

            List<KolSpreadBatch.Entry> taken = TakeAll(batch);

            Assert.Equal(ids, taken.Select(e => e.Request.KolId));
            Assert.Equal(ids, taken.Select(e => e.Outcome.Result!.KolId));
            Assert.All(taken, e => Assert.False(e.IsRepeat));
            Assert.Equal("k1", answerOrder.Last());
            Assert.Equal(ids.Length, h.Handler.Count);
        }

        [Fact]
        public void ConcurrentRequests_NeverExceedThrottleLimit()
        {
            const int throttle = 2;
            int current = 0;
            int peak = 0;
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                int now = Interlocked.Increment(ref current);
                int seen;
                while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                {
                }

                await Task.Delay(5, ct);
                Interlocked.Decrement(ref current);
                return TestSupport.RespondSample();
            });
            using var h = new ClientHarness(handler, throttleLimit: throttle);
            using var batch = new KolSpreadBatch(h.Client, TestSupport.Reader(), windowSize: 32, log: true);

            for (int i = 0; i < 12; i++)
            {
                batch.Add(TestSupport.Query("kol" + i));
            }

            List<KolSpreadBatch.Entry> taken = TakeAll(batch);

            Assert.Equal(12, taken.Count);
            Assert.All(taken, e => Assert.NotNull(e.Outcome.Result));
            Assert.Equal(12, h.Handler.Count);
            Assert.InRange(peak, 1, throttle);
        }

        [Fact]
        public void RepeatedQuery_IsFetchedOnce_AndTakenTwice()
        {
            using var h = new ClientHarness(FakeHandler.Scripted(TestSupport.RespondSample));
            using var batch = new KolSpreadBatch(h.Client, TestSupport.Reader(), windowSize: 10, log: true);

            batch.Add(TestSupport.Query("same"));
            batch.Add(TestSupport.Query("other"));
            batch.Add(TestSupport.Query("same"));
            batch.Add(TestSupport.Query("same", SpreadType.XingtuVideo, null, null, false, false));

            List<KolSpreadBatch.Entry> taken = TakeAll(batch);

            Assert.Equal(new[] { "same", "other", "same", "same" }, taken.Select(e => e.Request.KolId));
            Assert.Equal(new[] { false, false, true, false }, taken.Select(e => e.IsRepeat));
            Assert.Same(taken[0].Outcome, taken[2].Outcome);
            Assert.Equal(3642403L, taken[2].Outcome.Result!.PlayMedian);
            Assert.Equal(1, batch.Repeats);
            Assert.Equal(3, h.Handler.Count);
            Assert.Equal(2, h.Handler.Requests.Count(uri => TestSupport.QueryOf(uri)["kolId"] == "same"));
        }

        [Fact]
        public void DailyQuota_StopsTheBatch_AndCancelsEverythingElse()
        {
            const int throttle = 2;
            var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            KolSpreadBatch? batchRef = null;
            int startedAfterStop = 0;
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                if (batchRef?.StopError != null)
                {
                    Interlocked.Increment(ref startedAfterStop);
                }

                if (KolOf(request) == "stopper")
                {
                    await hanging.Task.WaitAsync(ct);
                    return TestSupport.RespondCode(303);
                }

                hanging.TrySetResult();

                // Everyone else hangs until cancelled: only the stop can end them.
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
            using var h = new ClientHarness(handler, throttleLimit: throttle);

            // No grace: what is in flight at the stop is cut off at once (the grace itself is the next test's).
            using var batch = new KolSpreadBatch(h.Client, TestSupport.Reader(), windowSize: 10, log: true, stopGrace: TimeSpan.Zero);
            batchRef = batch;

            string[] ids = { "slow", "stopper", "q1", "q2", "q3", "q4" };
            foreach (string id in ids)
            {
                batch.Add(TestSupport.Query(id));
            }

            var clock = Stopwatch.StartNew();
            while (!batch.AllFinished())
            {
                Assert.True(clock.Elapsed < Patience, "The batch did not stop.");
                batch.WaitForChange(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }

            XingtuApiException stop = batch.StopError!;
            Assert.NotNull(stop);
            Assert.Equal(XingtuErrorKind.DailyQuotaExceeded, stop.Kind);
            Assert.Equal("stopper", stop.KolId);
            Assert.Equal(303, stop.Code);

            List<KolSpreadBatch.Entry> taken = TakeAll(batch);
            Assert.Equal(ids, taken.Select(e => e.Request.KolId));
            Assert.Equal(XingtuErrorKind.DailyQuotaExceeded, taken[1].Outcome.Error!.Kind);
            Assert.Equal("stopper", taken[1].Outcome.Error!.KolId);
            Assert.All(taken.Where(e => e.Request.KolId != "stopper"), e => Assert.True(e.Outcome.Canceled, e.Request.KolId + " was not cancelled"));

            // "slow" and "stopper" hold both slots; the fetches queued behind them must not be sent once the stop is known.
            int sent = h.Handler.Count;
            Assert.Equal(throttle, sent);
            Assert.Equal(0, Volatile.Read(ref startedAfterStop));

            batch.Add(TestSupport.Query("late"));
            KolSpreadBatch.Entry late = Assert.Single(TakeAll(batch));
            Assert.Equal("late", late.Request.KolId);
            Assert.True(late.Outcome.Canceled);

            Assert.Equal(sent, h.Handler.Count);
            Assert.DoesNotContain(h.Handler.Requests, uri => TestSupport.QueryOf(uri)["kolId"] == "late");
        }

        [Fact]
        public async Task InFlightAtAStop_BilledAnswersAreKept_AndNothingIsRetried()
        {
            // "billed" and "retried" are in flight when "stopper" hits the quota; they answer only once the test has
            // seen the stop, so their answers come after it: a billed one, kept in the store, and a 500, not retried.
            var inFlight = new CountdownEvent(2);
            var stopSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                switch (KolOf(request))
                {
                    case "stopper":
                        await Task.Run(() => inFlight.Wait(ct), ct);
                        return TestSupport.RespondCode(303);
                    case "billed":
                        inFlight.Signal();
                        await stopSeen.Task.WaitAsync(ct);
                        return TestSupport.RespondSample();
                    default:
                        inFlight.Signal();
                        await stopSeen.Task.WaitAsync(ct);
                        return TestSupport.RespondCode(500);
                }
            });
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xingtu-grace-" + Guid.NewGuid().ToString("N"));
            try
            {
                var store = new JustOneApi.Xingtu.Store.LocalAnswerStore(folder);
                using var http = new HttpClient(handler);
                var options = new ClientOptions(TestSupport.BaseUri, TimeSpan.FromSeconds(30), 3, TimeSpan.Zero, 3, 0, store, TimeSpan.FromHours(12));
                var client = new ApiClient(
                    new JustOneApi.Xingtu.Transport.HttpTransport(http, TestSupport.Token), options, TestSupport.Token, new RetryPolicy(3, TimeSpan.Zero, () => 0), new RateGate(0));
                using var batch = new KolSpreadBatch(client, TestSupport.Reader(), windowSize: 10, log: true, stopGrace: Patience);
                string[] ids = { "billed", "stopper", "retried", "queued" };
                foreach (string id in ids)
                {
                    batch.Add(TestSupport.Query(id));
                }

                var clock = Stopwatch.StartNew();
                while (batch.StopError == null)
                {
                    Assert.True(clock.Elapsed < Patience, "The batch did not stop.");
                    batch.WaitForChange(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                }

                stopSeen.SetResult();
                List<KolSpreadBatch.Entry> taken = TakeAll(batch);
                Assert.Equal(ids, taken.Select(e => e.Request.KolId));
                Assert.True(taken[0].Outcome.Canceled && taken[0].Outcome.KeptAtStop, "the billed answer after the stop is kept, and not written as a row");
                Assert.Equal(XingtuErrorKind.DailyQuotaExceeded, taken[1].Outcome.Error!.Kind);
                Assert.True(taken[2].Outcome.Canceled && taken[2].Outcome.Sent && !taken[2].Outcome.KeptAtStop, "the 500 after the stop is cut off");
                Assert.True(taken[3].Outcome.Canceled && !taken[3].Outcome.Sent, "the queued row is never sent");

                Assert.Equal(1, handler.Requests.Count(uri => TestSupport.QueryOf(uri)["kolId"] == "retried"));
                Assert.Equal(3, handler.Count);
                Assert.Equal(1, client.Kept);

                // The kept answer serves a rerun without a request.
                var rerun = new ApiClient(new JustOneApi.Xingtu.Transport.HttpTransport(http, TestSupport.Token), options, TestSupport.Token, new RetryPolicy(0, TimeSpan.Zero, () => 0), new RateGate(0));
                KolSpreadOutcome served = await rerun.FetchAsync(TestSupport.Query("billed"), TestSupport.Reader(), null, CancellationToken.None);
                Assert.True(served.FromLocalCache);
                Assert.Equal(3, handler.Count);
            }
            finally
            {
                if (System.IO.Directory.Exists(folder))
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }
            }
        }

        [Fact]
        public void CtrlC_DuringTheStopGrace_CutsOffWhatIsInFlightAtOnce()
        {
            // The grace is an hour, so only Ctrl+C (Cancel) can end "held", which never answers by itself.
            var inFlight = new ManualResetEventSlim();
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                if (KolOf(request) == "stopper")
                {
                    await Task.Run(() => inFlight.Wait(ct), ct);
                    return TestSupport.RespondCode(303);
                }

                inFlight.Set();
                await Task.Delay(Timeout.Infinite, ct);
                return TestSupport.RespondSample();
            });
            using var h = new ClientHarness(handler, maximumRetryCount: 0);
            using var batch = new KolSpreadBatch(h.Client, TestSupport.Reader(), windowSize: 10, log: true, stopGrace: TimeSpan.FromHours(1));
            batch.Add(TestSupport.Query("held"));
            batch.Add(TestSupport.Query("stopper"));
            var clock = Stopwatch.StartNew();
            while (batch.StopError == null)
            {
                Assert.True(clock.Elapsed < Patience, "The batch did not stop.");
                batch.WaitForChange(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }

            Assert.False(batch.AllFinished());
            batch.Cancel();
            List<KolSpreadBatch.Entry> taken = TakeAll(batch);
            Assert.True(taken[0].Outcome.Canceled && taken[0].Outcome.Sent && !taken[0].Outcome.KeptAtStop, "the request in flight at Ctrl+C is cut off, not kept");
            Assert.Equal(XingtuErrorKind.DailyQuotaExceeded, taken[1].Outcome.Error!.Kind);
            Assert.Equal(2, handler.Count);
        }
    }
}
