using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Transport;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// A body that stalls after the headers, on a stream that ignores the token of ReadAsync as .NET Framework's may:
    /// the transport must still end the read at its timeout and at Ctrl+C, by disposing the response.
    /// </summary>
    public sealed class HttpTransportTests
    {
        // Only a guard against a hang: the transport's own timeout below is what ends the read.
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        [Fact]
        public async Task ABodyThatStalls_OnAStreamDeafToItsToken_EndsAtTheTimeout()
        {
            var stream = new StallingStream();
            using var client = new HttpClient(new FakeHandler((request, n, ct) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(stream) })));
            var transport = new HttpTransport(client, TestSupport.Token);

            Task<TransportResponse> get = transport.GetAsync(TestSupport.BaseUri, TimeSpan.FromMilliseconds(50), CancellationToken.None);
            await Task.WhenAny(get, Task.Delay(Patience));

            Assert.True(get.IsCompleted, "the read ignored -TimeoutSec");
            TransportException failure = await Assert.ThrowsAsync<TransportException>(() => get);
            Assert.Equal(TransportFailure.Timeout, failure.Failure);
            Assert.Equal(200, failure.StatusCode);
            Assert.True(stream.Disposed);
        }

        [Fact]
        public async Task ABodyThatStalls_OnAStreamDeafToItsToken_EndsAtCtrlC()
        {
            var stream = new StallingStream();
            using var client = new HttpClient(new FakeHandler((request, n, ct) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(stream) })));
            var transport = new HttpTransport(client, TestSupport.Token);
            using var stop = new CancellationTokenSource();

            Task<TransportResponse> get = transport.GetAsync(TestSupport.BaseUri, TimeSpan.FromHours(1), stop.Token);
            await stream.ReadStarted.Task.WaitAsync(Patience);
            stop.Cancel();
            await Task.WhenAny(get, Task.Delay(Patience));

            Assert.True(get.IsCompleted, "the read ignored Ctrl+C");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        }

        [Fact]
        public async Task EveryGet_CarriesAnEmptyContent_SoTheHandlerNeverResendsItOnItsOwn()
        {
            HttpMethod? method = null;
            long? length = -1;
            using var client = new HttpClient(new FakeHandler((request, n, ct) =>
            {
                method = request.Method;
                length = request.Content?.Headers.ContentLength;
                return Task.FromResult(TestSupport.RespondSample());
            }));

            await new HttpTransport(client, TestSupport.Token).GetAsync(TestSupport.BaseUri, TimeSpan.FromSeconds(30), CancellationToken.None);

            Assert.Equal(HttpMethod.Get, method);
            Assert.Equal(0, length);
        }

        /// <summary>A stream whose reads ignore their token and end only when it is disposed.</summary>
        private sealed class StallingStream : Stream
        {
            private readonly TaskCompletionSource<int> _disposed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource<bool> ReadStarted { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public bool Disposed => _disposed.Task.IsCompleted;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                ReadStarted.TrySetResult(true);
                return _disposed.Task;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                ReadStarted.TrySetResult(true);
                return new ValueTask<int>(_disposed.Task);
            }

            public override int Read(byte[] buffer, int offset, int count) => _disposed.Task.GetAwaiter().GetResult();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                _disposed.TrySetException(new ObjectDisposedException(nameof(StallingStream)));
                base.Dispose(disposing);
            }
        }
    }
}
