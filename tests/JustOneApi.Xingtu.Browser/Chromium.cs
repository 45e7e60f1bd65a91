using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using PuppeteerSharp;

namespace JustOneApi.Xingtu.Browser
{
    /// <summary>
    /// Finds and starts the system's Chromium. Nothing here downloads a browser: PuppeteerSharp is always given the
    /// executable's path.
    /// </summary>
    public static class Chromium
    {
        /// <summary>What to tell a user whose machine lacks the browser or the Chinese fonts.</summary>
        public const string InstallHint = "Install Chromium and the CJK fonts: sudo apt-get install chromium fonts-noto-cjk (or set XINGTU_CHROMIUM to a Chromium or Chrome executable).";

        /// <summary>XINGTU_CHROMIUM if set, else the first of the usual executables found on PATH or in their usual places; null when none.</summary>
        public static string? FindExecutable()
        {
            string? configured = Environment.GetEnvironmentVariable("XINGTU_CHROMIUM");
            if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
            var candidates = new List<string>();
            foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
                {
                    if (folder.Length > 0) candidates.Add(Path.Combine(folder, name));
                }
            }
            candidates.Add("/usr/bin/chromium");
            candidates.Add("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
            candidates.Add(@"C:\Program Files\Google\Chrome\Application\chrome.exe");
            foreach (string candidate in candidates)
            {
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        /// <summary>Starts a headless Chromium from the given executable.</summary>
        public static Task<IBrowser> LaunchAsync(string executable)
        {
            var args = new List<string> { "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--lang=en-US" };
            // Chromium refuses to start its sandbox as root (CI containers); elsewhere the sandbox stays on.
            if (Environment.UserName == "root") args.Add("--no-sandbox");
            return Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = args.ToArray(),
                Timeout = 60000,
            });
        }

        /// <summary>A file path as a file:// URL.</summary>
        public static string FileUrl(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
    }
}
