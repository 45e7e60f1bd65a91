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
            using var batch = new KolSpreadBatch(h.Client, TestSupport.Reader(), windowSize: 10, log: true);
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
    }
}
