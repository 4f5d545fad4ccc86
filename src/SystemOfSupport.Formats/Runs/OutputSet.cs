using SystemOfSupport.Core;
using SystemOfSupport.Formats.StatusWorkbooks;

namespace SystemOfSupport.Formats.Runs;

/// <summary>
/// Writes a run's files together (the district and COE workbook and CSV, the findings, and the charter workbook and
/// CSV when there are charters): each is written to a temporary file in the output directory first, and only when all
/// are complete are they moved into place — a failure leaves no partial output.
/// </summary>
public static class OutputSet
{
    /// <summary>What a projection adds to every file name and to every file's label.</summary>
    public const string ProjectedSuffix = "-projected";

    /// <param name="extra">More files of the same run (a projection's Dashboard results), written with the others.</param>
    public static IReadOnlyList<string> Write(DeterminationRun run, string directory, string publishedLabel, IReadOnlyList<(string Name, Action<Stream> Write)>? extra = null)
    {
        Directory.CreateDirectory(directory);
        var label = run.Projected ? $"PROJECTED, not the state's decision — {publishedLabel}" : publishedLabel;
        // The tables are built by whichever of their two writers comes first, side by side with the other files.
        var table = new Lazy<AssistanceStatusTable>(() => StatusTableBuilder.Build(run, label));
        var stem = $"{run.Year % 100:00}{(run.Projected ? ProjectedSuffix : string.Empty)}";
        var wording = StatusTableBuilder.WordingFor(run.Rules);
        var outputs = new List<(string Name, Action<Stream> Write)>
        {
            ($"assistancestatus{stem}.xlsx", s => AssistanceStatusWorkbookWriter.Write(table.Value, s, wording)),
            ($"assistancestatus{stem}.csv", s => AssistanceStatusCsvWriter.Write(table.Value, s)),
            ($"findings{stem}.json", s => FindingsJson.Write(run, s)),
        };
        if (run.Charters.Count > 0)
        {
            var charters = new Lazy<AssistanceStatusTable>(() => CharterTableBuilder.Build(run, label));
            outputs.Add(($"charterassistance{stem}.xlsx", s => AssistanceStatusWorkbookWriter.Write(charters.Value, s, wording)));
            outputs.Add(($"charterassistance{stem}.csv", s => AssistanceStatusCsvWriter.Write(charters.Value, s)));
        }

        outputs.AddRange(extra ?? []);

        var staged = outputs.Select(o => (Temp: Path.Combine(directory, $".{o.Name}.{Guid.NewGuid():N}.tmp"), Final: Path.Combine(directory, o.Name))).ToList();
        try
        {
            // The files are independent: written side by side, the first failure (in file order) reported.
            InOrder.Map(outputs.Select((o, i) => (o.Write, staged[i].Temp)).ToList(), o =>
            {
                using var stream = new StagingFileStream(o.Temp);
                o.Write(stream);
                stream.Flush(flushToDisk: true);
                return o.Temp;
            });

            foreach (var (temp, final) in staged)
            {
                File.Move(temp, final, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in staged)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        return [.. staged.Select(s => s.Final)];
    }
}
