using System;
using System.Net;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Transport;
using Xunit;
using KolSpreadOutcome = JustOneApi.Xingtu.Client.Outcome<JustOneApi.Xingtu.KolSpread>;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>The proxy's own answers and the proxy setting's rules; the real proxy is in tests/Pester/Proxy.Tests.ps1.</summary>
    public class ProxyTests
    {
        [Theory]
        [InlineData("text/html", "<html>407 Proxy Authentication Required</html>")]
        [InlineData("application/json", "{\"code\":0,\"data\":{}}")]
        public async Task Http407_StopsTheBatch_WithoutARetry_WhateverTheBody(string mediaType, string body)
        {
            using var h = new ClientHarness(FakeHandler.Scripted(() => TestSupport.Respond(407, body, mediaType), TestSupport.RespondSample));

            KolSpreadOutcome first = await h.FetchAsync(TestSupport.Query("first"));
            KolSpreadOutcome second = await h.FetchAsync(TestSupport.Query("second"));

            Assert.Equal(XingtuErrorKind.ProxyAuthenticationRequired, first.Error!.Kind);
            Assert.True(first.Error.IsAccountLevel);
            Assert.Equal(1, first.Error.Attempts);
            Assert.Contains("-ProxyCredential", first.Error.Message);
            Assert.Equal(1, h.Handler.Count);
            Assert.Empty(h.Delays);
            Assert.True(second.Canceled);
        }

        [Fact]
        public void ProxyKinds_AreAccountLevel()
        {
            Assert.True(Model.ApiCodes.IsAccountLevel(XingtuErrorKind.ProxyAuthenticationRequired));
            Assert.True(Model.ApiCodes.IsAccountLevel(XingtuErrorKind.ProxyUnreachable));
        }

        [Theory]
        [InlineData("api.example.com", true)]
        [InlineData("API.EXAMPLE.COM", true)]
        [InlineData("x.corp.example", true)]
        [InlineData("corp.example", true)]
        [InlineData("notcorp.example", false)]
        [InlineData("example.com", false)]
        [InlineData("127.0.0.1", false)]
        [InlineData("localhost", false)]
        public void ExplicitProxy_BypassesOnlyTheListedHosts_AndNotLoopback(string host, bool direct)
        {
            var proxy = ProxySettings.Explicit(new Uri("http://proxy.example.invalid:3128"), null, false, new[] { "api.example.com", "*.corp.example", " " });
            Uri target = new Uri("http://" + host + ":8080/api");

            Assert.Equal(direct, proxy.Bypasses(host));
            Assert.Equal(direct ? null : new Uri("http://proxy.example.invalid:3128"), proxy.ProxyFor(target));
            Assert.Equal(new[] { "api.example.com", "*.corp.example" }, proxy.BypassList);
        }

        [Fact]
        public void TheUser_IsShown_ThePasswordNever()
        {
            var proxy = ProxySettings.Explicit(new Uri("http://proxy.example.invalid:3128"), new NetworkCredential("analyst", "Pa55word!", "CORP"), false, null);
            Assert.Equal("CORP\\analyst", proxy.User);
            Assert.Equal("(default credentials)", ProxySettings.Explicit(new Uri("http://p.example.invalid:1"), null, true, null).User);
            Assert.Equal(string.Empty, ProxySettings.System.User);
            Assert.Null(ProxySettings.None.ProxyFor(new Uri("http://api.example.com/")));
        }

        [Theory]
        [InlineData("http://proxy.example.com:8080", true)]
        [InlineData("http://proxy.example.com:8080/", true)]
        [InlineData("http://user:pass@proxy.example.com:8080", false)]
        [InlineData("http://proxy.example.com:8080/path", false)]
        [InlineData("socks5://proxy.example.com:1080", false)]
        public void ProxyAddress_IsHostAndPortOnly(string address, bool usable)
        {
            Assert.Equal(usable, ProxySettings.AddressProblem(new Uri(address)) == null);
        }
    }
}
