using System.Globalization;
using SystemOfSupport.Web.Features.Reports;

namespace SystemOfSupport.Web.Features.Cases;

/// <summary>The one-page report's case section: the LEA's latest case as <see cref="CaseProgressHandler"/> sees it, in the viewer's scope.</summary>
public sealed class CaseOnePagerProgress(CaseProgressHandler progress) : ICaseProgress
{
    public async Task<OnePagerCase?> Progress(string cds, int year, CancellationToken cancellationToken) =>
        await progress.ForLea(cds, cancellationToken) is { } c
            ? new OnePagerCase(c.StepLabel, c.TermYear.ToString(CultureInfo.InvariantCulture), c.NextMeeting, c.OpenTasks.Count)
            : null;
}
