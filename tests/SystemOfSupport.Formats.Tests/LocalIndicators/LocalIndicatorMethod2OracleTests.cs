using SystemOfSupport.Core.Determinations;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Core.Rules;
using SystemOfSupport.Formats.LocalIndicators;
using SystemOfSupport.Formats.Xlsx;
using SystemOfSupport.Tests;

namespace SystemOfSupport.Formats.Tests.LocalIndicators;

/// <summary>
/// Acceptance: Method 2 computed from the shipped 2023 and 2024 local-indicator files equals the state's
/// <c>MetMethod2</c> for every LEA in the state's assistance-status workbook, through the real rule
/// (<see cref="DifferentiatedAssistance"/> with the year's <see cref="RuleBook"/> entry).
/// </summary>
public class LocalIndicatorMethod2OracleTests
{
    private static readonly PriorityArea[] EveryLea =
        [PriorityArea.Basics, PriorityArea.StateStandards, PriorityArea.ParentalInvolvement, PriorityArea.SchoolClimate, PriorityArea.CourseAccess];

    private static readonly PriorityArea[] CountyOfficeOnly = [PriorityArea.ExpelledPupils, PriorityArea.FosterYouth];

    [Theory]
    [InlineData(2023, "assistancestatus23.xlsx", 991)]
    [InlineData(2024, "assistancestatus24.xlsx", 994)]
    public void Method2_from_the_local_indicator_files_equals_the_states_MetMethod2_for_every_LEA(int year, string workbook, int expectedLeas)
    {
        var set = LocalIndicatorReader.Read(RepoPaths.LocalIndicators(year), year);
        set.Warnings.ShouldBeEmpty();
        set.FilesRead.Count.ShouldBe(7);

        var state = ReadStateMethod2(RepoPaths.StatusWorkbook(workbook), year);
        state.Count.ShouldBe(expectedLeas);

        var rules = RuleBook.For(year);
        var mismatches = new List<string>();
        var identified = 0;
        foreach (var (cds, (stateMethod2, row)) in state)
        {
            var lea = new Lea(cds, cds.IsCountyOfficeCode ? LeaKind.CountyOffice : LeaKind.District, cds.Value, string.Empty);
            var local = set.ForLea(cds);
            var evidence = new LeaEvidence(lea, LeaResults.Empty, false, local, local.Count > 0, AssistanceHistory.Empty);
            var method2 = DifferentiatedAssistance.Determine(rules, evidence, DeterminationSettings.Defaults).Method(2)!;
            if (method2.Met)
            {
                identified++;
            }

            if (method2.Met != stateMethod2)
            {
                mismatches.Add($"{cds} (state row {row}): state MetMethod2={(stateMethod2 ? "Y" : "N")}, computed {(method2.Met ? "Y" : "N")}: {method2.Reason}");
            }
        }

        mismatches.ShouldBeEmpty($"{mismatches.Count} of {state.Count} LEAs differ in {year}:\n{string.Join("\n", mismatches)}");
        identified.ShouldBeGreaterThan(0);
        identified.ShouldBe(state.Values.Count(v => v.Method2));
    }

    /// <summary>
    /// Every LEA the state determined has all five LEA-wide local indicators, except (2024) Santa Rosa City
    /// Schools, which has no row in any of CDE's 2024 local-indicator files (nor in the untrimmed originals);
    /// the state's MetMethod2 for it is N, as computed.
    /// </summary>
    [Theory]
    [InlineData(2023, new string[0])]
    [InlineData(2024, new[] { "49402530000000" })]
    public void Every_LEA_in_the_state_workbook_has_its_five_local_indicators(int year, string[] withoutLocalIndicators)
    {
        var set = LocalIndicatorReader.Read(RepoPaths.LocalIndicators(year), year);
        var state = ReadStateMethod2(RepoPaths.StatusWorkbook($"assistancestatus{year % 100}.xlsx"), year);

        var incomplete = state.Keys
            .Where(cds => EveryLea.Any(p => set.Find(cds, p) is null))
            .Select(cds => cds.ToString())
            .ToList();
        incomplete.ShouldBe(withoutLocalIndicators, ignoreOrder: false, customMessage: $"LEAs without all of priorities 1, 2, 3, 6, 7 in {year}: {string.Join(", ", incomplete)}");
        incomplete.ShouldAllBe(cds => set.ForLea(CdsCode.Parse(cds)).Count == 0 && !state[CdsCode.Parse(cds)].Method2);

        // Priorities 9 and 10: county offices only.
        var coes = state.Keys.Where(c => c.IsCountyOfficeCode).ToList();
        coes.Count.ShouldBe(58);
        coes.ShouldAllBe(c => set.Find(c, PriorityArea.ExpelledPupils) != null && set.Find(c, PriorityArea.FosterYouth) != null);
        set.Results.Where(r => r.Priority is PriorityArea.ExpelledPupils or PriorityArea.FosterYouth)
            .ShouldAllBe(r => r.Cds.IsLeaLevel && r.Cds.IsCountyOfficeCode);
    }

    /// <summary>The state's <c>MetMethod2</c> by LEA, from sheet "District and COE YYYY" (header row 6, data from row 7).</summary>
    private static Dictionary<CdsCode, (bool Method2, int Row)> ReadStateMethod2(string path, int year)
    {
        var result = new Dictionary<CdsCode, (bool, int)>();
        int? cdsColumn = null;
        int? method2Column = null;
        foreach (var row in XlsxSheetReader.ReadRows(path, $"District and COE {year}"))
        {
            if (row.RowNumber == 6)
            {
                cdsColumn = row.Cells.Single(c => c.Text.Equals("CDS", StringComparison.OrdinalIgnoreCase)).Column;
                method2Column = row.Cells.Single(c => c.Text.Equals("MetMethod2", StringComparison.OrdinalIgnoreCase)).Column;
                continue;
            }

            if (row.RowNumber < 7 || row.Cells.Count == 0)
            {
                continue;
            }

            cdsColumn.ShouldNotBeNull("header row 6 not found");
            CdsCode.TryParse(row[cdsColumn.Value], out var cds).ShouldBeTrue($"row {row.RowNumber}: CDS '{row[cdsColumn.Value]}'");
            var flag = row[method2Column!.Value];
            flag.ShouldBeOneOf(["Y", "N"], $"row {row.RowNumber}");
            result.Add(cds, (flag == "Y", row.RowNumber));
        }

        return result;
    }
}
