using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// Every runtime text a user reads comes from Texts, so it has its Chinese (TextsTests checks that). This reads the
    /// module's source for English written anywhere else: a string literal holding two words in a row. A literal that is
    /// rightly English (a value another program reads, a message only a bug can show) carries the comment
    /// <c>// untranslated: why</c> on its line or the line above.
    /// </summary>
    public class UntranslatedTextTests
    {
        private const string Marker = "// untranslated:";

        // A regular, interpolated or verbatim literal; the words are looked for in its text.
        private static readonly Regex Literal = new Regex(@"\$?@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""", RegexOptions.Compiled);

        private static readonly Regex TwoWords = new Regex(@"\b[A-Za-z][a-z]+ [a-z]{2,}\b", RegexOptions.Compiled);

        // The report's HTML tags and their attributes are markup, not words.
        private static readonly Regex Tag = new Regex(@"<[!/a-z][^>]*(>|$)", RegexOptions.Compiled);

        // Texts itself, the report's label table (with its own Chinese) and the vendor's endpoint titles.
        private static readonly string[] OwnLanguageFiles = { "Texts", Path.Combine("Report", "ReportLabels.cs"), Path.Combine("Model", "XingtuEndpoints.cs") };

        public static IEnumerable<object[]> Folders() =>
            new[] { "Client", "Commands", "Configuration", "Model", "Report", "Store", "Transport", "." }.Select(folder => new object[] { folder });

        [Theory]
        [MemberData(nameof(Folders))]
        public void NoUserTextIsWrittenOutsideTexts(string folder)
        {
            string module = Path.Combine(TestSupport.RepoRoot(), "src", "JustOneApi.Xingtu");
            var found = new List<string>();
            foreach (string file in Directory.GetFiles(Path.Combine(module, folder), "*.cs", folder == "." ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(module, file);
                if (OwnLanguageFiles.Any(own => relative.StartsWith(own, System.StringComparison.Ordinal)))
                {
                    continue;
                }

                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    string line = lines[i].TrimStart();
                    if (line.StartsWith("//", System.StringComparison.Ordinal) || line.Contains(Marker) || (i > 0 && lines[i - 1].Contains(Marker)))
                    {
                        continue;
                    }

                    foreach (Match literal in Literal.Matches(line))
                    {
                        if (TwoWords.IsMatch(Tag.Replace(literal.Value, string.Empty)))
                        {
                            found.Add($"{relative}:{i + 1}: {literal.Value}");
                        }
                    }
                }
            }

            Assert.True(found.Count == 0, $"{found.Count} English text(s) outside Texts:\n" + string.Join("\n", found));
        }
    }
}
