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
            string.Empty,
            "Student groups (a group needs two or more of priorities 4, 5, 6 and 8 for a letter):",
        };

        foreach (var g in d.Groups)
        {
            var met = g.Priorities.Where(p => p.Met).ToList();
            if (!g.HasResults)
            {
                lines.Add($"  {g.Group,-5} {g.Group.DisplayName()}: no Dashboard results.");
                continue;
            }

            var head = g.Letter is not null
                ? $"letter {g.Letter} — meets priorities {string.Join(", ", met.Select(p => (int)p.Priority))}"
                : met.Count == 1 ? $"no letter — meets only priority {(int)met[0].Priority}" : "no letter — meets no priority";
            lines.Add($"  {g.Group,-5} {g.Group.DisplayName()}: {head}.");
            foreach (var p in g.Priorities)
            {
                foreach (var c in p.Criteria.Where(c => c.Applies && c.Evidence.Count > 0))
                {
                    lines.Add($"        P{(int)p.Priority} {(c.Met ? "MET    " : "not met")} {c.Criterion}: {c.Explanation}");
                }
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

    private static string KindWords(LeaKind kind) => kind switch
    {
        LeaKind.CountyOffice => "county office of education",
        LeaKind.CharterSchool => "charter school",
        _ => "school district",
    };
}
