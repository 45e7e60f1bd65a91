using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using JustOneApi.Xingtu.Browser;
using JustOneApi.Xingtu.Report;
using PuppeteerSharp;
using PuppeteerSharp.Input;
using PuppeteerSharp.Media;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// One headless Chromium for the browser tests. Where none is installed the tests are skipped with the install
    /// command, except under CI=true, where a missing browser fails them.
    /// </summary>
    public sealed class ChromiumFixture : IAsyncLifetime
    {
        public IBrowser? Browser { get; private set; }

        public string? SkipReason { get; private set; }

        public async Task InitializeAsync()
        {
            string? executable = Chromium.FindExecutable();
            if (executable == null)
            {
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException("CI=true and no Chromium was found. " + Chromium.InstallHint);
                }
                SkipReason = "No Chromium on this machine. " + Chromium.InstallHint;
                return;
            }
            Browser = await Chromium.LaunchAsync(executable);
        }

        public async Task DisposeAsync()
        {
            if (Browser != null) await Browser.DisposeAsync();
        }
    }

    [CollectionDefinition("Chromium")]
    public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
    {
    }

    /// <summary>The report in a real browser: what a reader sees and does, and that hostile names stay text.</summary>
    [Collection("Chromium")]
    public sealed class ReportBrowserTests : IDisposable
    {
        private readonly ChromiumFixture _chromium;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "xingtu-report-" + Guid.NewGuid().ToString("N"));

        public ReportBrowserTests(ChromiumFixture chromium)
        {
            _chromium = chromium;
            Directory.CreateDirectory(_folder);
        }

        public void Dispose()
        {
            try { Directory.Delete(_folder, true); } catch (IOException) { }
        }

        /// <summary>An open report, with every console error, page error and request the page made.</summary>
        private sealed class OpenReport : IAsyncDisposable
        {
            public OpenReport(IPage page, string url) { Page = page; Url = url; }
            public IPage Page { get; }
            public string Url { get; }
            public List<string> Errors { get; } = new List<string>();
            public List<string> Requests { get; } = new List<string>();
            public ValueTask DisposeAsync() => Page.DisposeAsync();
        }

        private async Task<OpenReport> Open(List<ReportRow> rows, string culture = "en-US", string? html = null)
        {
            Skip.If(_chromium.SkipReason != null, _chromium.SkipReason);
            string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".html");
            File.WriteAllText(path, html ?? ReportRenderer.Render(rows, ReportSamples.Options(culture)), new UTF8Encoding(false));
            var page = await _chromium.Browser!.NewPageAsync();
            var report = new OpenReport(page, Chromium.FileUrl(path));
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) report.Errors.Add(e.Message.Text); };
            page.PageError += (_, e) => report.Errors.Add(e.Message);
            page.Request += (_, e) => report.Requests.Add(e.Request.Url);
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await page.GoToAsync(report.Url, new NavigationOptions { WaitUntil = new[] { WaitUntilNavigation.Load } });
            await page.WaitForSelectorAsync("html[data-ready]", new WaitForSelectorOptions { Timeout = 20000 });
            return report;
        }

        private static Task<string[]> Texts(IPage page, string selector) =>
            page.EvaluateFunctionAsync<string[]>("s => Array.from(document.querySelectorAll(s), e => e.textContent)", selector);

        private static Task<int> Count(IPage page, string selector) =>
            page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s).length", selector);

        // Rows out of view get their cells when they come near; printing makes them all, as this does.
        private static Task FillAll(IPage page) => page.EvaluateExpressionAsync("window.dispatchEvent(new Event('beforeprint'))");

        // Rows the reader sees: laid out, not merely without a hidden attribute.
        private static Task<int> Shown(IPage page) =>
            page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('.tbody .tr')).filter(r => r.getClientRects().length > 0).length");

        private static Task<int> ColumnOf(IPage page, string key) =>
            page.EvaluateFunctionAsync<int>("k => JSON.parse(document.getElementById('xt-data').textContent).columns.findIndex(c => c.key === k)", key);

        private static Task<string> FirstVisibleCell(IPage page, int column) =>
            page.EvaluateFunctionAsync<string>("c => Array.from(document.querySelectorAll('.tbody .tr')).find(r => !r.hidden).children[c].textContent", column);

        [SkippableFact]
        public async Task ThePageLoadsWithoutErrorsAndRequestsNothingButItself()
        {
            var rows = ReportSamples.Rows();
            await using var report = await Open(rows);
            Assert.Empty(report.Errors);
            Assert.Equal(new[] { report.Url }, report.Requests);
            Assert.Equal(rows.Count, await Count(report.Page, ".tbody .tr"));
        }

        [SkippableFact]
        public async Task ABrokenPolicyIsSeenAsAConsoleError()
        {
            // Proves the error check above can fail: a page whose script hash does not match is blocked and logged.
            string html = ReportRenderer.Render(ReportSamples.Rows(), ReportSamples.Options());
            html = html.Replace("script-src 'sha256-", "script-src 'sha256-AAAA");
            await using var report = await OpenUnready(html);
            Assert.NotEmpty(report.Errors);
        }

        private async Task<OpenReport> OpenUnready(string html)
        {
            Skip.If(_chromium.SkipReason != null, _chromium.SkipReason);
            string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".html");
            File.WriteAllText(path, html, new UTF8Encoding(false));
            var page = await _chromium.Browser!.NewPageAsync();
            var report = new OpenReport(page, Chromium.FileUrl(path));
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) report.Errors.Add(e.Message.Text); };
            await page.GoToAsync(report.Url, new NavigationOptions { WaitUntil = new[] { WaitUntilNavigation.Load } });
            await page.EvaluateExpressionAsync("new Promise(r => setTimeout(r, 0))");
            return report;
        }

        [SkippableFact]
        public async Task AHeaderClickSortsAscendingAndASecondClickReverses()
        {
            var rows = ReportSamples.Rows();
            await using var report = await Open(rows);
            int plays = await ColumnOf(report.Page, "PlayMedian");
            int name = await ColumnOf(report.Page, "NickName");
            var withPlays = rows.Where(r => r.PlayMedian.HasValue).ToList();
            string lowest = withPlays.OrderBy(r => r.PlayMedian).ThenBy(r => rows.IndexOf(r)).First().NickName!;
            string highest = withPlays.OrderByDescending(r => r.PlayMedian).ThenBy(r => rows.IndexOf(r)).First().NickName!;
            Assert.NotEqual(lowest, await FirstVisibleCell(report.Page, name));

            await report.Page.ClickAsync($".th[data-c=\"{plays}\"]");
            Assert.Equal(lowest, await FirstVisibleCell(report.Page, name));
            await report.Page.ClickAsync($".th[data-c=\"{plays}\"]");
            Assert.Equal(highest, await FirstVisibleCell(report.Page, name));
            // Rows without the value stay last either way, as empty cells.
            await FillAll(report.Page);
            string last = await report.Page.EvaluateFunctionAsync<string>("c => { const r = document.querySelectorAll('.tbody .tr'); return r[r.length - 1].children[c].textContent; }", plays);
            Assert.Equal(string.Empty, last);
        }

        [SkippableFact]
        public async Task ASortAfterScrollingAndFilteringShowsEveryRowsOwnCellsInTheNewOrder()
        {
            // Rows already given cells at both ends, a filter on, then a sort: the row elements take new rows, and
            // each must show its own row's cells and its own row's filter state, never another row's leftovers.
            var rows = ReportSamples.Rows(400);
            await using var report = await Open(rows);
            int id = await ColumnOf(report.Page, "KolId");
            int followers = await ColumnOf(report.Page, "Followers");
            await report.Page.EvaluateExpressionAsync("window.scrollTo(0, document.body.scrollHeight)");
            await report.Page.WaitForFunctionAsync("() => { const r = document.querySelectorAll('.tbody .tr'); return r[r.length - 1].children.length > 0; }", new WaitForFunctionOptions { Timeout = 10000 });
            const string Query = "生活";
            await report.Page.EvaluateFunctionAsync("q => { const f = document.querySelector('input[type=search]'); f.value = q; f.dispatchEvent(new Event('input')); }", Query);
            await report.Page.ClickAsync($".th[data-c=\"{followers}\"]");
            await report.Page.ClickAsync($".th[data-c=\"{followers}\"]");
            await FillAll(report.Page);

            var expected = rows.Select((row, index) => (row, index)).Where(x => x.row.Followers.HasValue)
                .OrderByDescending(x => x.row.Followers).ThenBy(x => x.index)
                .Concat(rows.Select((row, index) => (row, index)).Where(x => !x.row.Followers.HasValue))
                .Select(x => x.row).ToList();
            var shown = await report.Page.EvaluateFunctionAsync<string[][]>(
                "c => Array.from(document.querySelectorAll('.tbody .tr'), r => [r.children[c].textContent, String(r.hidden), r.id])", id);
            Assert.Equal(expected.Select(row => row.KolId), shown.Select(cells => cells[0]));
            Assert.Equal(
                expected.Select(row => (!string.Join("\n", row.NickName ?? string.Empty, row.KolId, row.Tags ?? string.Empty).ToLowerInvariant().Contains(Query)).ToString().ToLowerInvariant()),
                shown.Select(cells => cells[1]));
            Assert.Equal(expected.Select(row => "xt-row-" + rows.IndexOf(row)), shown.Select(cells => cells[2]));
        }

        [SkippableFact]
        public async Task NumbersHaveSeparatorsAreRightAlignedAndMissingIsEmpty()
        {
            var rows = ReportSamples.Rows();
            await using var report = await Open(rows);
            int followers = await ColumnOf(report.Page, "Followers");
            int price = await ColumnOf(report.Page, "Price1To20Sec");
            await FillAll(report.Page);
            var cells = await report.Page.EvaluateFunctionAsync<string[]>("c => Array.from(document.querySelectorAll('.tbody .tr'), r => r.children[c].textContent)", followers);
            Assert.Equal("154,321", cells[1]);
            var prices = await report.Page.EvaluateFunctionAsync<string[]>("c => Array.from(document.querySelectorAll('.tbody .tr'), r => r.children[c].textContent)", price);
            Assert.Equal(string.Empty, prices[4]);
            Assert.DoesNotContain("0", prices.Where((p, i) => rows[i].Price1To20Sec == null));
            string align = await report.Page.EvaluateFunctionAsync<string>("c => getComputedStyle(document.querySelector('.tbody .tr').children[c]).textAlign", followers);
            Assert.Equal("right", align);
            var headers = await Texts(report.Page, ".thead .th");
            Assert.Contains("Price 1-20 s (¥)", headers);
        }

        [SkippableFact]
        public async Task TheFilterKeepsRowsMatchingNameIdOrTag()
        {
            var rows = ReportSamples.Rows();
            await using var report = await Open(rows);
            await report.Page.TypeAsync("input[type=search]", "护肤");
            int byTag = await Shown(report.Page);
            Assert.Equal(rows.Count(r => (r.Tags ?? string.Empty).Contains("护肤") || (r.NickName ?? string.Empty).Contains("护肤")), byTag);
            Assert.True(byTag < rows.Count);

            await report.Page.EvaluateExpressionAsync("document.querySelector('input[type=search]').value = ''");
            await report.Page.TypeAsync("input[type=search]", rows[2].KolId);
            Assert.Equal(1, await Shown(report.Page));

            await report.Page.EvaluateExpressionAsync("document.querySelector('input[type=search]').value = ''");
            await report.Page.TypeAsync("input[type=search]", "达人 1");
            Assert.Equal(rows.Count(r => r.NickName != null && r.NickName.Contains("达人 1")), await Shown(report.Page));
        }

        [SkippableFact]
        public async Task EachChartHasOneMarkPerRowWithItsData()
        {
            var rows = ReportSamples.Rows();
            await using var report = await Open(rows);
            Assert.Equal(rows.Count(r => r.Price1To20Sec > 0 && r.PlayMedian > 0), await Count(report.Page, "svg[data-chart=price] .mark"));
            Assert.Equal(rows.Count(r => r.ListPricePerThousandPlays1To20Sec != null || r.ExpectedCpm1To20SecYuan != null), await Count(report.Page, "svg[data-chart=rank] .mark"));
            Assert.Equal(rows.Count(r => r.InteractionRatePeerStanding != null && r.CompletionRatePeerStanding != null), await Count(report.Page, "svg[data-chart=peer] .mark"));
            Assert.Equal(3, await Count(report.Page, "svg[data-chart=price] line.cpm"));
        }

        [SkippableFact]
        public async Task HoveringAMarkNamesTheKolAndClickingGoesToItsRow()
        {
            var rows = ReportSamples.Rows(60);
            await using var report = await Open(rows);
            var mark = await report.Page.QuerySelectorAsync("svg[data-chart=peer] .mark:last-child");
            int r = await mark.EvaluateFunctionAsync<int>("m => +m.getAttribute('data-r')");
            await mark.HoverAsync();
            Assert.Equal(rows[r].NickName, await report.Page.EvaluateExpressionAsync<string>("document.getElementById('xt-tip').textContent"));
            Assert.False(await report.Page.EvaluateExpressionAsync<bool>("document.getElementById('xt-tip').hidden"));
            await mark.ClickAsync();
            bool inView = await report.Page.EvaluateFunctionAsync<bool>(
                "r => { const row = document.getElementById('xt-row-' + r); const b = row.getBoundingClientRect(); return row.classList.contains('flash') && b.top >= 0 && b.bottom <= innerHeight; }", r);
            Assert.True(inView);
        }

        [SkippableFact]
        public async Task HostileNamesShowAsTheirCharactersAndNothingRuns()
        {
            var rows = ReportSamples.Rows();
            await using var report = await Open(rows);
            int name = await ColumnOf(report.Page, "NickName");
            await FillAll(report.Page);
            var names = await report.Page.EvaluateFunctionAsync<string[]>("c => Array.from(document.querySelectorAll('.tbody .tr'), r => r.children[c].textContent)", name);
            foreach (string hostile in ReportSamples.HostileNames) Assert.Contains(hostile, names);
            Assert.Null(await report.Page.EvaluateExpressionAsync<string>("window.__pwned === undefined ? null : String(window.__pwned)"));
            Assert.Equal(0, await Count(report.Page, "img, b, iframe, object, embed, [onerror], [onclick], [onload]"));
            Assert.Equal(2, await Count(report.Page, "script"));
            var hrefs = await report.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('a'), a => a.href)");
            Assert.All(hrefs, h => Assert.True(h.StartsWith("https://www.xingtu.cn/ad/creator/author/douyin/", StringComparison.Ordinal) || h.StartsWith("https://www.douyin.com/user/MS4wLjABAAAA", StringComparison.Ordinal), h));
            // The hostile-id row links to an encoded path on Xingtu, never to a javascript: URL.
            Assert.Contains("https://www.xingtu.cn/ad/creator/author/douyin/javascript%3Awindow.__pwned%3D'id'", hrefs);
            // Hovering every hostile mark names it as text, too.
            foreach (var mark in await report.Page.QuerySelectorAllAsync("svg[data-chart=price] .mark"))
            {
                await mark.HoverAsync();
            }
            Assert.Null(await report.Page.EvaluateExpressionAsync<string>("window.__pwned === undefined ? null : String(window.__pwned)"));
            Assert.Empty(report.Errors);
            Assert.Equal(new[] { report.Url }, report.Requests);
        }

        [SkippableFact]
        public async Task RowsOutOfViewGetTheirCellsWhenTheReaderScrollsToThem()
        {
            var rows = ReportSamples.Rows(400);
            await using var report = await Open(rows);
            string lastRow = "document.getElementById('xt-row-" + (rows.Count - 1) + "')";
            Assert.Equal(0, await report.Page.EvaluateExpressionAsync<int>(lastRow + ".children.length"));
            await report.Page.EvaluateExpressionAsync(lastRow + ".scrollIntoView()");
            await report.Page.WaitForFunctionAsync("() => " + lastRow + ".children.length > 0", new WaitForFunctionOptions { Timeout = 10000 });
            Assert.Equal(rows[^1].KolId, await report.Page.EvaluateFunctionAsync<string>("(c) => " + lastRow + ".children[c].textContent", await ColumnOf(report.Page, "KolId")));
        }

        [SkippableFact]
        public async Task PrintMediaMakesEveryRowsCells()
        {
            var rows = ReportSamples.Rows(400);
            await using var report = await Open(rows);
            Assert.True(await report.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('.tbody .tr.empty').length") > 0);
            await report.Page.EmulateMediaTypeAsync(MediaType.Print);
            await report.Page.WaitForFunctionAsync("() => document.querySelectorAll('.tbody .tr.empty').length === 0", new WaitForFunctionOptions { Timeout = 10000 });
        }

        [SkippableFact]
        public async Task TheScreenshotIsNotBlank()
        {
            await using var report = await Open(ReportSamples.Rows());
            string png = await report.Page.ScreenshotBase64Async(new ScreenshotOptions { FullPage = false, Type = ScreenshotType.Png });
            // Counted in a blank page of its own: the report's policy rightly refuses to load any image.
            await using var canvasPage = await _chromium.Browser!.NewPageAsync();
            double inked = await canvasPage.EvaluateFunctionAsync<double>(@"async (data) => {
                const image = new Image();
                image.src = 'data:image/png;base64,' + data;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.width; canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
                let inked = 0;
                for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) inked++;
                return inked / (pixels.length / 4);
            }", png);
            Assert.True(inked > 0.02, "Only " + inked.ToString("P2") + " of the screenshot is not white.");
        }

        [SkippableFact]
        public async Task PrintingGivesLandscapeA4PagesWithRowsKeptWhole()
        {
            await using var report = await Open(ReportSamples.Rows(80));
            byte[] pdf = await report.Page.PdfDataAsync(new PdfOptions { PreferCSSPageSize = true, PrintBackground = true });
            string text = Encoding.Latin1.GetString(pdf);
            Assert.StartsWith("%PDF", text);
            int pages = System.Text.RegularExpressions.Regex.Matches(text, "/Type\\s*/Page\\b").Count;
            Assert.True(pages >= 1, "No page in the PDF.");
            Assert.Matches("/MediaBox\\s*\\[\\s*0\\s+0\\s+841\\.\\d+\\s+59[45]\\.\\d+\\s*\\]", text);
            await report.Page.EmulateMediaTypeAsync(MediaType.Print);
            Assert.Equal("avoid", await report.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.tbody .tr')).breakInside"));
            Assert.Equal("visible", await report.Page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.tbody .tr')).contentVisibility"));
        }

        [SkippableFact]
        public async Task TheChinesePageHasChineseLabelsAndChineseNumbers()
        {
            await using var report = await Open(ReportSamples.Rows(), "zh-CN");
            Assert.Equal("zh-CN", await report.Page.EvaluateExpressionAsync<string>("document.documentElement.lang"));
            Assert.Equal("星图达人报告", await report.Page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));
            var headers = await Texts(report.Page, ".thead .th");
            Assert.Contains("1-20秒报价（元）", headers);
            Assert.Contains("粉丝数", headers);
            Assert.Empty(report.Errors);
        }

        [SkippableFact]
        public async Task TheEnglishPageHasEnglishLabels()
        {
            await using var report = await Open(ReportSamples.Rows(), "en-GB");
            Assert.Equal("Xingtu KOL report", await report.Page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));
            var headers = await Texts(report.Page, ".thead .th");
            Assert.Contains("Followers", headers);
            Assert.DoesNotContain(headers, h => System.Text.RegularExpressions.Regex.IsMatch(h, "\\p{IsCJKUnifiedIdeographs}"));
        }
    }
}
