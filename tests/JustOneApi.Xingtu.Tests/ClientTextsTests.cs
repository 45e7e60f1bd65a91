using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Store;
using Xunit;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// The client's, transport's and store's texts come in the caller's UI language: Chinese under zh-CN, English under
    /// en-US, including those made on thread-pool threads inside the client's async work.
    /// </summary>
    public sealed class ClientTextsTests : IDisposable
    {
        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "xingtu-client-texts-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_scratch))
            {
                Directory.Delete(_scratch, recursive: true);
            }
        }

        private static async Task<T> Under<T>(string culture, Func<Task<T>> action)
        {
            CultureInfo saved = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                return await action();
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }

        private static T Under<T>(string culture, Func<T> action) => Under(culture, () => Task.FromResult(action())).GetAwaiter().GetResult();

        [Theory]
        [InlineData("zh-CN", "（第 2 次尝试）", "秒后进行第 1 次重试（共 3 次）", "：HTTP 200，")]
        [InlineData("en-US", " (attempt 2)", " Retry 1 of 3 in ", ": HTTP 200, ")]
        public async Task VerboseLinesMadeOnPoolThreads_ComeInTheCallersLanguage(string culture, string attempt, string retry, string answered)
        {
            // The second answer comes from another thread, so the lines after it are made on a pool thread, as in a batch.
            int calls = 0;
            var handler = new FakeHandler((request, n, ct) => Interlocked.Increment(ref calls) == 1
                ? Task.FromResult(TestSupport.RespondCode(301))
                : Task.Run(async () =>
                {
                    await Task.Yield();
                    return TestSupport.RespondSample();
                }));
            using var h = new ClientHarness(handler);
            var made = new ConcurrentQueue<(string Line, bool OnPool)>();

            KolSpreadOutcome outcome = await Under(culture, () => Task.Run(() =>
                h.Client.FetchAsync(TestSupport.Query(), TestSupport.Reader(), line => made.Enqueue((line, Thread.CurrentThread.IsThreadPoolThread)), CancellationToken.None)));

            Assert.NotNull(outcome.Result);
            Assert.All(made, entry => Assert.True(entry.OnPool, entry.Line));
            Assert.Contains(made, entry => entry.Line.StartsWith("GET ", StringComparison.Ordinal) && entry.Line.EndsWith(attempt, StringComparison.Ordinal));
            Assert.Contains(made, entry => entry.Line.Contains(retry));
            Assert.Equal(2, made.Count(entry => entry.Line.Contains(answered)));
        }

        [Theory]
        [InlineData("zh-CN", "没有得到应答：连接失败：", "尝试 1 次后放弃。")]
        [InlineData("en-US", "No answer for KOL", ": The connection failed: ")]
        public async Task AConnectionFailure_IsOneSentenceInTheCallersLanguage(string culture, string first, string second)
        {
            // The transport's text goes into the client's, and that into the give-up sentence: each part is translated.
            var handler = new FakeHandler((request, n, ct) => Task.Run(new Func<HttpResponseMessage>(() => throw new HttpRequestException("refused by the test"))));
            using var h = new ClientHarness(handler, maximumRetryCount: 0);

            KolSpreadOutcome outcome = await Under(culture, () => Task.Run(() => h.FetchAsync()));

            string message = outcome.Error!.Message;
            Assert.Contains(first, message);
            Assert.Contains(second, message);
            Assert.Contains("refused by the test", message);
        }

        [Theory]
        [InlineData("zh-CN", "秒内没有收到完整应答（TimeoutSec）")]
        [InlineData("en-US", "No complete answer within 0.25 s (TimeoutSec)")]
        public async Task ATimeout_SaysItsSecondsInTheCallersLanguage(string culture, string expected)
        {
            // The handler never answers; the client's own -TimeoutSec ends the attempt.
            var handler = new FakeHandler(async (request, n, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
            using var h = new ClientHarness(handler, maximumRetryCount: 0, timeout: TimeSpan.FromSeconds(0.25));

            KolSpreadOutcome outcome = await Under(culture, () => Task.Run(() => h.FetchAsync()));

            Assert.Contains(expected, outcome.Error!.Message);
            Assert.Contains(culture == "zh-CN" ? "0.25 秒内" : "0.25 s", outcome.Error.Message);
        }

        [Theory]
        [InlineData("zh-CN", "的条目（{0}）不可用，其校验和不符（已损坏）；已将其删除。")]
        [InlineData("en-US", " ({0}) is unusable, its checksum does not match (damaged); removed it.")]
        public void ADamagedEntry_IsReportedInOneSentenceOfParts(string culture, string expected)
        {
            var store = new LocalAnswerStore(_scratch, () => TestSupport.ReceivedAt);
            const string key = "https://kol-api.example.invalid/api/x?oAuthorId=1";
            Assert.True(store.TryWrite(key, 200, Encoding.UTF8.GetBytes("{\"code\":0,\"data\":{}}"), TestSupport.ReceivedAt, out _));
            string file = store.EntryPath(key);
            byte[] bytes = File.ReadAllBytes(file);
            bytes[bytes.Length - 40] ^= 0xFF;
            File.WriteAllBytes(file, bytes);

            var log = new List<string>();
            Assert.False(Under(culture, () => store.TryRead(key, TimeSpan.FromHours(12), out _, log.Add)));

            Assert.EndsWith(string.Format(CultureInfo.InvariantCulture, expected, Path.GetFileName(file)), Assert.Single(log));
        }

        [Theory]
        [InlineData("zh-CN", "{0} 中的获取时间早于 2026-11-29 08:00:00Z 的 1 个条目")]
        [InlineData("en-US", "1 entries fetched before 2026-11-29 08:00:00Z in {0}")]
        public void WhatClearWouldDelete_NamesItsCountAndCutoffInTheCallersLanguage(string culture, string expected)
        {
            var store = new LocalAnswerStore(_scratch, () => TestSupport.ReceivedAt);
            Assert.True(store.TryWrite("https://kol-api.example.invalid/api/x?oAuthorId=1", 200, new byte[] { 1 }, TestSupport.ReceivedAt.AddDays(-2), out _));
            var asked = new List<string>();

            Assert.Equal(0, Under(culture, () => store.Clear(TimeSpan.FromDays(1), what => { asked.Add(what); return false; })));

            Assert.Equal(string.Format(CultureInfo.InvariantCulture, expected, store.Folder), Assert.Single(asked));
        }
    }
}
