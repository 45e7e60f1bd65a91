using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using PuppeteerSharp;

namespace JustOneApi.Xingtu.Browser
{
    /// <summary>
    /// screenshot REPORT.html IMAGE.png [WIDTH [HEIGHT]]: the README's picture of a report, the whole page or its top HEIGHT pixels.
    /// measure REPORT.html: time to interactive and sort times, as one JSON line, for the benchmark.
    /// Exit code 2 when no Chromium is installed.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length < 2 || (args[0] != "screenshot" && args[0] != "measure"))
            {
                Console.Error.WriteLine("Usage: screenshot REPORT.html IMAGE.png [WIDTH [HEIGHT]] | measure REPORT.html");
                return 1;
            }
            string? executable = Chromium.FindExecutable();
            if (executable == null)
            {
                Console.Error.WriteLine("No Chromium found. " + Chromium.InstallHint);
                return 2;
            }
            await using var browser = await Chromium.LaunchAsync(executable);
            if (args[0] == "screenshot")
            {
                int width = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1280;
                int? height = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : (int?)null;
                await Screenshot(browser, args[1], args[2], width, height);
            }
            else
            {
                Console.WriteLine(await Measure(browser, args[1]));
            }
            return 0;
        }

        /// <summary>A full-page PNG of the report as a reader first sees it.</summary>
        public static async Task Screenshot(IBrowser browser, string html, string png, int width, int? height = null)
        {
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height ?? 900, DeviceScaleFactor = 1 });
            await page.GoToAsync(Chromium.FileUrl(html), new NavigationOptions { WaitUntil = new[] { WaitUntilNavigation.Load } });
            await page.WaitForSelectorAsync("html[data-ready]");
            if (height == null)
            {
                // The whole page as one viewport: table rows out of view are not drawn (content-visibility), so a
                // full-page capture of a short viewport would show them empty.
                // Rows drawn for the first time take their real height, so the page grows until it has them all.
                int shown = 0;
                for (int pass = 0; pass < 10; pass++)
                {
                    int full = await page.EvaluateExpressionAsync<int>("Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY)");
                    if (full == shown) break;
                    shown = full;
                    await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = full, DeviceScaleFactor = 1 });
                    await page.EvaluateExpressionAsync("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
                }
            }
            await page.ScreenshotAsync(png, new ScreenshotOptions { FullPage = false, Type = ScreenshotType.Png });
        }

        /// <summary>
        /// Interactive: from navigation start to the first frame after the page's script has built the table and charts.
        /// Sort: from a header click to the next frame, for each of several clicks.
        /// </summary>
        public static async Task<string> Measure(IBrowser browser, string html)
        {
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await page.EvaluateExpressionOnNewDocumentAsync(
                "document.addEventListener('DOMContentLoaded', function () { requestAnimationFrame(function () { setTimeout(function () { window.__xtInteractive = performance.now(); }); }); });");
            await page.GoToAsync(Chromium.FileUrl(html), new NavigationOptions { WaitUntil = new[] { WaitUntilNavigation.Load }, Timeout = 120000 });
            await page.WaitForFunctionAsync("() => window.__xtInteractive !== undefined");
            double interactive = await page.EvaluateExpressionAsync<double>("window.__xtInteractive");
            int rows = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.tbody .tr').length");
            var sorts = new List<double>();
            var scripts = new List<double>();
            foreach (string key in new[] { "PlayMedian", "PlayMedian", "NickName", "NickName", "ExpectedCpm1To20SecYuan", "ExpectedCpm1To20SecYuan" })
            {
                double[] ms = await page.EvaluateFunctionAsync<double[]>(@"async (key) => {
                    const columns = JSON.parse(document.getElementById('xt-data').textContent).columns;
                    const index = columns.findIndex(c => c.key === key);
                    const th = document.querySelector('.th[data-c=""' + Math.max(index, 0) + '""]');
                    const start = performance.now();
                    th.click();
                    const script = performance.now() - start;
                    await new Promise(done => requestAnimationFrame(() => setTimeout(done)));
                    return [performance.now() - start, script];
                }", key);
                sorts.Add(ms[0]);
                scripts.Add(ms[1]);
            }
            return string.Format(CultureInfo.InvariantCulture,
                "{{\"rows\":{0},\"interactiveMs\":{1:0},\"sortMedianMs\":{2:0},\"sortMaxMs\":{3:0},\"sortScriptMedianMs\":{4:0}}}",
                rows, interactive, sorts.OrderBy(x => x).ElementAt(sorts.Count / 2), sorts.Max(), scripts.OrderBy(x => x).ElementAt(scripts.Count / 2));
        }
    }
}
