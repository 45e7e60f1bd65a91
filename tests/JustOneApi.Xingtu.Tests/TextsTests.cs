using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    public class TextsTests
    {
        private static readonly Dictionary<string, string> Chinese =
            (Dictionary<string, string>)typeof(Texts).GetField("Chinese", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        private static IEnumerable<string> English() =>
            typeof(Texts).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        [Fact]
        public void EveryTextHasItsChineseAndNoOther()
        {
            string[] untranslated = English().Where(text => !Chinese.ContainsKey(text)).ToArray();
            string[] stray = Chinese.Keys.Where(key => !English().Contains(key)).ToArray();
            Assert.True(untranslated.Length == 0, "Not translated: " + string.Join(" | ", untranslated));
            Assert.True(stray.Length == 0, "Translated but not a text of Texts: " + string.Join(" | ", stray));
        }

        [Fact]
        public void EveryTranslationFillsTheSameHoles()
        {
            foreach (KeyValuePair<string, string> pair in Chinese)
            {
                Assert.True(Holes(pair.Key).SetEquals(Holes(pair.Value)), $"'{pair.Value}' has other holes than '{pair.Key}'");
                _ = string.Format(CultureInfo.InvariantCulture, pair.Value, Enumerable.Range(0, 10).Cast<object>().ToArray());
            }
        }

        [Theory]
        [InlineData("zh-CN", true)]
        [InlineData("zh-Hans", true)]
        [InlineData("zh-SG", true)]
        [InlineData("en-US", false)]
        [InlineData("fr-FR", false)]
        [InlineData("", false)]
        public void SpeaksChineseUnderAnyZhUiCulture(string culture, bool chinese)
        {
            CultureInfo saved = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal(chinese ? Chinese[Texts.KolIdEmpty] : Texts.KolIdEmpty, Texts.L(Texts.KolIdEmpty));
                Assert.Equal(chinese ? "12 小时" : "12 hours", Texts.Duration(TimeSpan.FromHours(12)));
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }

        [Fact]
        public void TranslatesAPartThatIsATextOfTheTable_ButQuotesAUsersValueThatOnlyReadsTheSame()
        {
            CultureInfo saved = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
                string usersColumn = new string("Price".ToCharArray());
                Assert.Equal("KOL '1' 的报价部分", Texts.Format(Texts.PartOfKol, Texts.PartPrice, "1"));
                Assert.Equal("KOL '1' 的Price部分", Texts.Format(Texts.PartOfKol, usersColumn, "1"));
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }

        [Theory]
        [InlineData(0, 0, 90, 0, "90 minutes")]
        [InlineData(0, 1, 0, 0, "1 hour")]
        [InlineData(2, 0, 0, 0, "2 days")]
        [InlineData(0, 0, 0, 45, "45 seconds")]
        [InlineData(1, 12, 0, 0, "36 hours")]
        public void SaysDurationsInWords(int days, int hours, int minutes, int seconds, string said)
        {
            CultureInfo saved = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                Assert.Equal(said, Texts.Duration(new TimeSpan(days, hours, minutes, seconds)));
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }

        private static HashSet<string> Holes(string format) =>
            new HashSet<string>(Regex.Matches(format.Replace("{{", string.Empty).Replace("}}", string.Empty), @"\{(\d+)").Cast<Match>().Select(m => m.Groups[1].Value));
    }
}
