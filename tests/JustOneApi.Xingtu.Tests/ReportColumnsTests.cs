using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using JustOneApi.Xingtu.Model;
using JustOneApi.Xingtu.Report;
using Xunit;

namespace JustOneApi.Xingtu.Tests
{
    /// <summary>
    /// A report row from a row's columns (a CSV read back with Import-Csv): both kinds, numbers and times as Export-Csv
    /// writes them under en-US and de-DE, empty cells as null, and the per-row errors.
    /// </summary>
    public class ReportColumnsTests
    {
        private static readonly DateTimeOffset At = new DateTimeOffset(2026, 1, 5, 8, 5, 3, TimeSpan.Zero);

        private static Dictionary<string, object?> Columns(params (string Name, object? Value)[] cells)
        {
            var columns = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in cells) columns.Add(name, value);
            return columns;
        }

        /// <summary>Reads a row that must leave no descriptive cell empty.</summary>
        private static ReportRow Read(IReadOnlyDictionary<string, object?> columns)
        {
            var skipped = new List<ReportSkippedCell>();
            ReportRow row = ReportColumns.Read(columns, skipped);
            Assert.Empty(skipped);
            return row;
        }

        /// <summary>
        /// The columns Export-Csv writes for an object under a culture: each public scalar property (not [Hidden]), as
        /// its text in that culture (PowerShell 7 formats numbers and times in the current culture), null as empty.
        /// </summary>
        private static Dictionary<string, object?> AsCsv(object row, string culture)
        {
            var format = CultureInfo.GetCultureInfo(culture);
            var columns = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (PropertyInfo property in row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                // The [Hidden] parts (Profile, Price, Spread) are the only properties that are not scalar.
                if (property.PropertyType != typeof(string) && !property.PropertyType.IsValueType) continue;
                object? value = property.GetValue(row);
                columns[property.Name] = value switch
                {
                    null => string.Empty,
                    IFormattable formattable => formattable.ToString(null, format),
                    _ => value.ToString(),
                };
            }
            return columns;
        }

        private static T InCulture<T>(string culture, Func<T> read)
        {
            CultureInfo before = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                return read();
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
            }
        }

        private static readonly string[] Shown =
        {
            nameof(ReportRow.KolId), nameof(ReportRow.NickName), nameof(ReportRow.Followers), nameof(ReportRow.Location), nameof(ReportRow.McnName),
            nameof(ReportRow.Tags), nameof(ReportRow.Price1To20Sec), nameof(ReportRow.Price21To60Sec), nameof(ReportRow.PriceOver60Sec),
            nameof(ReportRow.PlayMedian), nameof(ReportRow.InteractionRatePercent), nameof(ReportRow.InteractionRatePeerStanding),
            nameof(ReportRow.CompletionRatePercent), nameof(ReportRow.CompletionRatePeerStanding), nameof(ReportRow.ExpectedCpm1To20SecYuan),
            nameof(ReportRow.ExpectedCpe1To20SecYuan), nameof(ReportRow.ListPricePerThousandPlays1To20Sec), nameof(ReportRow.FromLocalCache),
            nameof(ReportRow.MissingParts), nameof(ReportRow.Query), nameof(ReportRow.DouyinSecUid),
        };

        private static void AssertSame(ReportRow expected, ReportRow actual, params string[] lost)
        {
            foreach (string name in Shown)
            {
                PropertyInfo property = typeof(ReportRow).GetProperty(name)!;
                if (lost.Contains(name))
                {
                    Assert.Null(property.GetValue(actual));
                    continue;
                }
                Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)), $"{name}: expected {property.GetValue(expected)}, read {property.GetValue(actual)}");
            }
            // Export-Csv writes whole seconds; the report shows minutes.
            Assert.NotNull(actual.FetchedAt);
            Assert.Equal(expected.FetchedAt!.Value.ToUnixTimeSeconds(), actual.FetchedAt!.Value.ToUnixTimeSeconds());
            Assert.Equal(TimeSpan.Zero, actual.FetchedAt.Value.Offset);
        }

        public static IEnumerable<object[]> Cultures() => new[]
        {
            new object[] { "en-US", "en-US" }, new object[] { "de-DE", "de-DE" }, new object[] { "de-DE", "en-US" },
            new object[] { "en-US", "de-DE" }, new object[] { "fr-FR", "fr-FR" }, new object[] { "", "zh-CN" },
        };

        [Theory]
        [MemberData(nameof(Cultures))]
        public void ASpreadRowReadBackIsTheRowOfTheSpread(string written, string read)
        {
            KolSpread spread = XingtuKolTests.SampleSpread();
            ReportRow fromColumns = InCulture(read, () => Read(AsCsv(spread, written)));
            AssertSame(ReportRow.From(spread), fromColumns);
            Assert.NotNull(fromColumns.ExpectedCpm1To20SecYuan);
            Assert.NotNull(fromColumns.InteractionRatePeerStanding);
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void AKolRowReadBackIsTheRowOfTheKolLessItsPeerStandingsAndQuery(string written, string read)
        {
            XingtuKol kol = XingtuKol.Join(TestSupport.KolId, XingtuKolTests.Profile(), XingtuKolTests.Price(), XingtuKolTests.SampleSpread(), Array.Empty<XingtuKolPart>(), fromLocalCache: true);
            ReportRow fromColumns = InCulture(read, () => Read(AsCsv(kol, written)));
            // XingtuKol keeps its spread out of Export-Csv: the peer standings and the query's Type and Range are not written.
            AssertSame(ReportRow.From(kol), fromColumns,
                nameof(ReportRow.InteractionRatePeerStanding), nameof(ReportRow.CompletionRatePeerStanding), nameof(ReportRow.Query));
            Assert.NotNull(fromColumns.Price1To20Sec);
            Assert.NotNull(fromColumns.ListPricePerThousandPlays1To20Sec);
            Assert.Equal("MS4wLjABAAAAabc-_", fromColumns.DouyinSecUid);
            Assert.True(fromColumns.FromLocalCache);
        }

        [Theory]
        [InlineData("en-US", "1234.5", "2.44", "1/5/2026 8:05:03 AM +00:00")]
        [InlineData("en-US", "1234,5", "2,44", "05.01.2026 08:05:03 +00:00")]
        [InlineData("de-DE", "1234,5", "2,44", "05.01.2026 08:05:03 +00:00")]
        [InlineData("de-DE", "1234.5", "2.44", "1/5/2026 8:05:03 AM +00:00")]
        [InlineData("de-DE", "1234.5", "2.44", "2026-01-05T08:05:03.0000000+00:00")]
        [InlineData("fr-FR", "1234,5", "2,44", "05/01/2026 08:05:03 +00:00")]
        [InlineData("zh-CN", "1234.50", "2.44E+00", "2026/1/5 8:05:03 +00:00")]
        public void NumbersAndTimesAreReadAsEachCultureWritesThem(string culture, string price, string rate, string time)
        {
            ReportRow row = InCulture(culture, () => Read(Columns(
                ("KolId", "7100000000000000001"), ("Price1To20Sec", price), ("InteractionRatePercent", rate), ("FetchedAt", time), ("Followers", "76157272"))));
            Assert.Equal(1234.5, row.Price1To20Sec);
            Assert.Equal(2.44, row.InteractionRatePercent);
            Assert.Equal(At, row.FetchedAt);
            Assert.Equal(76157272L, row.Followers);
        }

        [Fact]
        public void ASpreadRowsRawUnitsAreConvertedAsTheModuleDoes()
        {
            ReportRow row = Read(Columns(
                ("KolId", "7100000000000000001"), ("Endpoint", "V2"), ("Platform", "ShortVideo"), ("Type", "PersonalVideo"), ("Range", "Last30Days"),
                ("FlowType", ""), ("OnlyAssign", "True"), ("InteractionRate", "244"), ("CompletionRate", "1113"),
                ("ExpectedCpm1To20Sec", "5657"), ("ExpectedCpe1To20Sec", "228")));
            Assert.Equal(2.44, row.InteractionRatePercent);
            Assert.Equal(11.13, row.CompletionRatePercent);
            Assert.Equal(56.57, row.ExpectedCpm1To20SecYuan);
            Assert.Equal(2.28, row.ExpectedCpe1To20SecYuan);
            Assert.Equal("V2 · ShortVideo · PersonalVideo · Last30Days · OnlyAssign", row.Query);
        }

        [Fact]
        public void ASpreadRowThatKeptOnlyThePercentagesShowsThem()
        {
            ReportRow row = Read(Columns(("KolId", "7100000000000000001"), ("ExpectedCpm1To20Sec", "5657"), ("InteractionRatePercent", "2.44")));
            Assert.Equal(2.44, row.InteractionRatePercent);
            Assert.Equal(56.57, row.ExpectedCpm1To20SecYuan);
        }

        [Fact]
        public void AXingtuKolColumnDoesNotHideTheSpreadsRawFigures()
        {
            var spread = Columns(("KolId", "7100000000000000001"), ("PlayMedian", "120000"), ("ExpectedCpm1To20Sec", "5657"), ("ExpectedCpe1To20Sec", "228"),
                ("InteractionRate", "244"), ("CompletionRate", "1113"), ("Type", "PersonalVideo"), ("Range", "Last30Days"));
            Assert.Equal(56.57, Read(spread).ExpectedCpm1To20SecYuan);
            spread.Add("NickName", "abc");
            ReportRow named = Read(spread);
            Assert.Equal("abc", named.NickName);
            Assert.Equal(56.57, named.ExpectedCpm1To20SecYuan);
            Assert.Equal(2.28, named.ExpectedCpe1To20SecYuan);
            Assert.Equal(2.44, named.InteractionRatePercent);
            Assert.Equal(11.13, named.CompletionRatePercent);
            Assert.Equal(120000L, named.PlayMedian);
        }

        [Fact]
        public void EachFigureIsReadInItsColumnsOwnUnitTheYuanOrPercentColumnFirst()
        {
            // No column is read in another column's unit: yuan stay yuan, fen become yuan, a raw rate becomes percent.
            ReportRow yuan = Read(Columns(("KolId", "1"), ("ExpectedCpm1To20SecYuan", "56.57"), ("ExpectedCpm1To20Sec", "9999"),
                ("InteractionRatePercent", "2.44"), ("InteractionRate", "999")));
            Assert.Equal(56.57, yuan.ExpectedCpm1To20SecYuan);
            Assert.Equal(2.44, yuan.InteractionRatePercent);
            ReportRow raw = Read(Columns(("KolId", "1"), ("ExpectedCpm1To20SecYuan", ""), ("ExpectedCpm1To20Sec", "5657"),
                ("InteractionRatePercent", null), ("InteractionRate", "244")));
            Assert.Equal(56.57, raw.ExpectedCpm1To20SecYuan);
            Assert.Equal(2.44, raw.InteractionRatePercent);
        }

        [Theory]
        [InlineData("FetchedAt", "30/11/2026 21:09:00 +00:00", "Time")]
        [InlineData("FetchedAt", "yesterday", "Time")]
        [InlineData("FromLocalCache", "yes", "TrueOrFalse")]
        [InlineData("OnlyAssign", "yes", "TrueOrFalse")]
        public void ADescriptiveCellThatCannotBeReadIsLeftEmptyAndNamedNotTheRow(string column, string text, string expected)
        {
            var columns = Columns(("KolId", " 7100000000000000001 "), ("NickName", "小美食家"), ("PlayMedian", "120000"), ("FetchedAt", "2026-01-05T08:05:03Z"),
                ("FromLocalCache", "True"), ("Endpoint", "V2"), ("Platform", "ShortVideo"), ("Type", "PersonalVideo"), ("Range", "Last30Days"), ("OnlyAssign", "False"));
            columns[column] = text;
            var skipped = new List<ReportSkippedCell>();
            ReportRow row = InCulture("en-US", () => ReportColumns.Read(columns, skipped));
            ReportSkippedCell cell = Assert.Single(skipped);
            Assert.Equal("7100000000000000001", cell.KolId);
            Assert.Equal(column, cell.Column);
            Assert.Equal(text, cell.Value);
            Assert.Equal(expected, cell.Expected.ToString());
            Assert.Equal("小美食家", row.NickName);
            Assert.Equal(120000L, row.PlayMedian);
            Assert.Equal(column == "FetchedAt" ? null : At, row.FetchedAt);
            Assert.Equal(column != "FromLocalCache", row.FromLocalCache);
            // A query said without its OnlyAssign could be wrong: it is left unsaid.
            Assert.Equal(column == "OnlyAssign" ? null : "V2 · ShortVideo · PersonalVideo · Last30Days", row.Query);
        }

        [Fact]
        public void TypedValuesAreTakenExactlyInAnyCulture()
        {
            foreach (string culture in new[] { "de-DE", "en-US", "fr-FR" })
            {
                ReportRow row = InCulture(culture, () => Read(Columns(("KolId", "7100000000000000001"), ("NickName", "a"),
                    ("ListPricePerThousandPlays1To20Sec", 15.625m), ("Price1To20Sec", 12.5d), ("Followers", 8000L), ("PlayMedian", 1000),
                    ("ExpectedCpm1To20Sec", 5657L), ("InteractionRate", 244d), ("FetchedAt", At), ("FromLocalCache", true), ("OnlyAssign", false),
                    ("Endpoint", SpreadEndpoint.V2), ("Platform", SpreadPlatform.ShortVideo), ("Type", SpreadType.PersonalVideo), ("Range", SpreadRange.Last30Days))));
                Assert.Equal(15.625, row.ListPricePerThousandPlays1To20Sec);
                Assert.Equal(12.5, row.Price1To20Sec);
                Assert.Equal(8000L, row.Followers);
                Assert.Equal(1000L, row.PlayMedian);
                Assert.Equal(56.57, row.ExpectedCpm1To20SecYuan);
                Assert.Equal(2.44, row.InteractionRatePercent);
                Assert.Equal(At, row.FetchedAt);
                Assert.True(row.FromLocalCache);
                Assert.Equal("V2 · ShortVideo · PersonalVideo · Last30Days", row.Query);
            }
            // A DateTime without a kind is UTC, as the text of one is.
            Assert.Equal(At, Read(Columns(("KolId", "1"), ("FetchedAt", new DateTime(2026, 1, 5, 8, 5, 3)))).FetchedAt);
        }

        [Theory]
        [InlineData("PlayMedian", 1.5)]
        [InlineData("Followers", double.NaN)]
        [InlineData("Price1To20Sec", double.PositiveInfinity)]
        [InlineData("Price1To20Sec", true)]
        public void ATypedValueThatIsNotItsColumnsValueIsTheRowsError(string column, object value)
        {
            var error = Assert.Throws<ReportRowException>(() => Read(Columns(("KolId", "7100000000000000001"), (column, value))));
            Assert.Equal(column, error.Column);
        }

        [Fact]
        public void BlankNumberCellsAreNullAndTextIsKeptExactly()
        {
            ReportRow row = Read(Columns(("KolId", "7100000000000000001"), ("PlayMedian", "  "), ("Price1To20Sec", " "), ("FetchedAt", " "),
                ("NickName", " 名字\u2028"), ("McnName", "  ")));
            Assert.Null(row.PlayMedian);
            Assert.Null(row.Price1To20Sec);
            Assert.Null(row.FetchedAt);
            Assert.Equal(" 名字\u2028", row.NickName);
            Assert.Null(row.McnName);
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        public void EmptyCellsAreNullNeverZero(string? empty)
        {
            string[] names =
            {
                "NickName", "Followers", "Province", "City", "McnName", "Tags", "DouyinUrl", "Price1To20Sec", "Price21To60Sec", "PriceOver60Sec",
                "PlayMedian", "InteractionRatePercent", "CompletionRatePercent", "ExpectedCpm1To20SecYuan", "ExpectedCpe1To20SecYuan",
                "ListPricePerThousandPlays1To20Sec", "FetchedAt", "FromLocalCache", "MissingParts", "Endpoint", "Platform",
                "InteractionRatePeerStanding", "CompletionRatePeerStanding",
            };
            var columns = Columns(("KolId", "7100000000000000001"));
            foreach (string name in names) columns.Add(name, empty);
            ReportRow kol = Read(columns);
            foreach (string name in Shown.Where(n => n != nameof(ReportRow.KolId) && n != nameof(ReportRow.FromLocalCache)))
            {
                Assert.Null(typeof(ReportRow).GetProperty(name)!.GetValue(kol));
            }
            Assert.Null(kol.FetchedAt);
            Assert.False(kol.FromLocalCache);

            var spread = Columns(("KolId", "7100000000000000001"), ("InteractionRate", empty), ("CompletionRate", empty), ("ExpectedCpm1To20Sec", empty),
                ("ExpectedCpe1To20Sec", empty), ("PlayMedian", empty), ("Type", "PersonalVideo"), ("Range", "Last30Days"));
            ReportRow fromSpread = Read(spread);
            Assert.Null(fromSpread.InteractionRatePercent);
            Assert.Null(fromSpread.CompletionRatePercent);
            Assert.Null(fromSpread.ExpectedCpm1To20SecYuan);
            Assert.Null(fromSpread.ExpectedCpe1To20SecYuan);
            Assert.Null(fromSpread.PlayMedian);
            Assert.Null(fromSpread.Query);
        }

        [Theory]
        [InlineData("PlayMedian", "12k", "WholeNumber")]
        [InlineData("PlayMedian", "1.5", "WholeNumber")]
        [InlineData("Price1To20Sec", "1,234.50", "Number")]
        [InlineData("Price1To20Sec", "¥1000", "Number")]
        [InlineData("InteractionRatePercent", "2.44%", "Number")]
        [InlineData("ExpectedCpm1To20Sec", "56.57", "WholeNumber")]
        [InlineData("InteractionRatePeerStanding", "high", "Number")]
        public void ACellThatDoesNotHoldItsColumnsValueNamesTheKolColumnAndText(string column, string text, string expected)
        {
            var columns = Columns(("KolId", " 7100000000000000001 "), ("NickName", "小美食家"), (column, text));
            var error = Assert.Throws<ReportRowException>(() => InCulture("en-US", () => Read(columns)));
            Assert.Equal("7100000000000000001", error.KolId);
            Assert.Equal(column, error.Column);
            Assert.Equal(text, error.Value);
            Assert.Equal(expected, error.Expected.ToString());
            Assert.Null(error.IdProblem);
        }

        [Theory]
        [InlineData("en-US", "Followers", "8,000")]
        [InlineData("en-US", "PlayMedian", "1,000")]
        [InlineData("en-US", "Price1To20Sec", "12,500")]
        [InlineData("zh-CN", "Price1To20Sec", "1,000")]
        [InlineData("de-DE", "Followers", "8.000")]
        [InlineData("de-DE", "Price1To20Sec", "12.500")]
        // In a count a separator before three digits is a thousands group whatever the culture's decimal separator.
        [InlineData("en-US", "Followers", "8.000")]
        [InlineData("en-US", "PlayMedian", "1.000")]
        [InlineData("de-DE", "Followers", "8,000")]
        [InlineData("de-DE", "ExpectedCpm1To20Sec", "5,657")]
        [InlineData("fr-FR", "PlayMedian", "-1,000")]
        public void AThousandsGroupIsRefusedNotReadAsDecimals(string culture, string column, string text)
        {
            var columns = Columns(("KolId", "7100000000000000001"), ("NickName", "x"), (column, text));
            var error = Assert.Throws<ReportRowException>(() => InCulture(culture, () => Read(columns)));
            Assert.Equal(column, error.Column);
            Assert.Equal(text, error.Value);
        }

        [Theory]
        [InlineData("en-US", "12.500", 12.5)]
        [InlineData("de-DE", "12,500", 12.5)]
        [InlineData("en-US", "0,125", 0.125)]
        [InlineData("en-US", "1,2500", 1.25)]
        [InlineData("de-DE", "1.25", 1.25)]
        public void ThreeDecimalsAreReadInTheCultureThatWritesThem(string culture, string text, double expected)
        {
            ReportRow row = InCulture(culture, () => Read(Columns(("KolId", "7100000000000000001"), ("Price1To20Sec", text))));
            Assert.Equal(expected, row.Price1To20Sec);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("7.1E+18")]
        public void AnUnusableIdIsTheRowsError(string? id)
        {
            var columns = Columns(("KolId", id), ("PlayMedian", "1"));
            var error = Assert.Throws<ReportRowException>(() => Read(columns));
            Assert.Null(error.KolId);
            Assert.Equal(KolIdCheck.Problem(id), error.IdProblem);
            Assert.NotNull(error.IdProblem);
        }
    }
}
