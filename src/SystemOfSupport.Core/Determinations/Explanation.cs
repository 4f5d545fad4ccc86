using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Determinations;

/// <summary>Puts a determination into plain words, for <c>sos explain</c> and the web's detail page.</summary>
public static class Explanation
{
    public static IReadOnlyList<string> Lines(Determination d)
    {
        var lines = new List<string>
        {
            $"{d.Lea.Name} ({d.Lea.Cds}, {KindWords(d.Lea.Kind)}, {d.Lea.County} County) — {d.Year}: {d.Status.Label()}.",
            d.StatusReason,
        };
        if (d.Provider is { } provider)
        {
            lines.Add($"Provider: {provider.Name} — {provider.Reason}");
        }

        if (d.Essa is { } essa)
        {
            lines.Add($"ESSA: {essa.Reason}");
        }

        if (d.Level3 is { } l3)
        {
            lines.Add($"Level 3 (EC 52072), window {string.Join(", ", l3.Window)}: {(l3.Flag switch { true => "Y", false => "N", null => "not decided" })} — {l3.Reason}");
        }

        lines.AddRange(
        [
            string.Empty,
            "Student groups (a group needs two or more of priorities 4, 5, 6 and 8 for a letter):",
        ]);

        foreach (var g in d.Groups)
        {
            lines.Add($"  {g.Group,-5}{GroupLine(g)}");
            foreach (var p in g.Priorities.Where(p => p.Met))
            {
                var c = p.Criteria.First(c => c.Met);
                lines.Add($"         priority {(int)p.Priority} met — {c.Criterion}: {c.Explanation}");
            }
        }

        lines.Add(string.Empty);
        lines.Add("Local indicators (only Not Met for Two or More Years counts):");
        if (d.LocalIndicators.Count == 0)
        {
            lines.Add("  none on file.");
        }

        foreach (var l in d.LocalIndicators)
        {
            lines.Add($"  {l.Priority.Label()}: {l.Performance.Label()}");
        }

        lines.Add(string.Empty);
        lines.Add("Methods:");
        foreach (var m in d.Methods)
        {
            lines.Add($"  Method {m.Number}: {(m.Met ? "Y" : "N")} — {m.Reason}");
        }

        if (d.Notes.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Notes:");
            lines.AddRange(d.Notes.Select(n => "  " + n));
        }

        return lines;
    }

    private static string GroupLine(GroupFinding g)
    {
        var results = g.Priorities.SelectMany(p => p.Criteria).SelectMany(c => c.Evidence).DistinctBy(r => r.Indicator).OrderBy(r => r.Indicator).ToList();
        if (results.Count == 0)
        {
            return $"{g.Group.DisplayName()}: no Dashboard results.";
        }

        var met = g.MetPriorities.ToList();
        var head = g.Letter is not null ? $"letter {g.Letter} (priorities {string.Join(", ", met.Select(p => (int)p))})"
            : met.Count == 1 ? $"no letter: meets only priority {(int)met[0]}"
            : "no letter: meets no priority";
        var colored = results.Where(r => r.HasColor).Select(r => $"{Short(r.Indicator)} {r.Color}").ToList();
        var uncolored = results.Where(r => !r.HasColor).Select(r => $"{Short(r.Indicator)} {r.CurrentDenominator ?? 0}").ToList();
        var colors = colored.Count > 0 ? "colors: " + string.Join(", ", colored) : "no colors";
        var none = uncolored.Count > 0 ? $"; no color (students): {string.Join(", ", uncolored)}" : string.Empty;
        return $"{g.Group.DisplayName()}: {head} — {colors}{none}.";
    }

    private static string Short(Indicator indicator) => indicator switch
    {
        Indicator.Ela => "ELA",
        Indicator.Math => "Math",
        Indicator.Elpi => "ELPI",
        Indicator.Chronic => "Chronic",
        Indicator.Grad => "Grad",
        Indicator.Susp => "Susp",
        Indicator.Cci => "CCI",
        _ => indicator.ToString(),
    };

    private static string KindWords(LeaKind kind) => kind switch
    {
        LeaKind.CountyOffice => "county office of education",
        LeaKind.CharterSchool => "charter school",
        _ => "school district",
    };
}
