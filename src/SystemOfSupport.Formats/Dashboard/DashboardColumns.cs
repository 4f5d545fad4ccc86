using System.Globalization;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Dashboard;

/// <summary>
/// A Dashboard file's column positions, resolved once per file by header name (case-insensitively: the 2024
/// suspension file says <c>changeLevel</c>); -1 where the file lacks a column. Both reading modes of
/// <see cref="DashboardReader"/> use it.
/// </summary>
internal sealed class DashboardColumns
{
    private static readonly string[] HandSetColorFlags = ["dataerrorflag", "certifyflag", "flag50pct"];

    public DashboardColumns(DelimitedTextReader r, Indicator indicator, int year, DashboardColumnsNeeded needed)
    {
        Cds = r.Require("cds");
        RType = r.Require("rtype");
        // ELPI files had no studentgroup column before 2024: every row is the EL group.
        Group = indicator == Indicator.Elpi && year < 2024 ? r.IndexOf("studentgroup") : r.Require("studentgroup");
        var used = needed != DashboardColumnsNeeded.None;
        SchoolName = r.IndexOf("schoolname");
        DistrictName = r.IndexOf("districtname");
        CountyName = r.IndexOf("countyname");
        CharterFlag = r.IndexOf("charter_flag");
        CoeFlag = r.IndexOf("coe_flag");
        CurrDenom = used ? r.Require("currdenom") : r.IndexOf("currdenom");
        CurrStatus = r.IndexOf("currstatus");
        PriorDenom = r.IndexOf("priordenom");
        PriorStatus = r.IndexOf("priorstatus");
        Change = r.IndexOf("change");
        StatusLevel = used ? r.Require("statuslevel") : r.IndexOf("statuslevel");
        ChangeLevel = r.IndexOf("changelevel");
        Color = needed == DashboardColumnsNeeded.Color ? r.Require("color", $"the {year} rules read this indicator's color") : r.IndexOf("color");
        Box = r.IndexOf("box");
        CurrNSizeMet = r.IndexOf("currnsizemet");
        AccountabilityMet = r.IndexOf("accountabilitymet");
        ReportingYear = r.IndexOf("reportingyear");
        YearText = year.ToString(CultureInfo.InvariantCulture);

        SuspensionType = r.IndexOf("type");
        HsCutPoints = r.IndexOf("hscutpoints");
        SmallDenom = r.IndexOf("smalldenom") is >= 0 and var small ? small : r.IndexOf("safetynet");
        DassFlag = r.IndexOf("dass_flag");
        CurrDenomSwd = r.IndexOf("currdenom_swd");
        PriorDenomSwd = r.IndexOf("priordenom_swd");
        CurrTesters = r.IndexOf("currtesters");
        // The count behind a rate; CCI calls it curr_prep.
        CurrNumerator = r.IndexOf("currnumer") is >= 0 and var n ? n : r.IndexOf("curr_prep");
        PriorTesters = r.IndexOf("priortesters");
        BelowParticipation = r.IndexOf("flag95pct");
        ColorSetByState = [.. HandSetColorFlags.Select(r.IndexOf).Where(i => i >= 0)];
    }

    public int Cds { get; }
    public int RType { get; }
    public int Group { get; }
    public int SchoolName { get; }
    public int DistrictName { get; }
    public int CountyName { get; }
    public int CharterFlag { get; }
    public int CoeFlag { get; }
    public int CurrDenom { get; }
    public int CurrStatus { get; }
    public int PriorDenom { get; }
    public int PriorStatus { get; }
    public int Change { get; }
    public int StatusLevel { get; }
    public int ChangeLevel { get; }
    public int Color { get; }
    public int Box { get; }
    public int CurrNSizeMet { get; }
    public int AccountabilityMet { get; }
    public int ReportingYear { get; }
    public string YearText { get; }

    /// <summary>Suspension's school or district <c>type</c> (ED HD UD ES MS HS).</summary>
    public int SuspensionType { get; }
    public int HsCutPoints { get; }

    /// <summary><c>smalldenom</c>, or 2018's <c>safetynet</c>.</summary>
    public int SmallDenom { get; }
    public int DassFlag { get; }

    /// <summary>2018 ELA and Math: the students with disabilities counted for the n-size.</summary>
    public int CurrDenomSwd { get; }
    public int PriorDenomSwd { get; }

    /// <summary>2017 ELPI: the students tested, which the n-size counts (<c>currdenom</c> is the rate's denominator).</summary>
    public int CurrTesters { get; }

    public int CurrNumerator { get; }
    public int PriorTesters { get; }

    /// <summary>2022 ELPI <c>flag95pct</c>: fewer than 95% tested.</summary>
    public int BelowParticipation { get; }

    /// <summary>Flags saying the state set the color by hand: <c>dataerrorflag</c>, 2018 suspension's <c>certifyflag</c>, 2017 ELPI's <c>flag50pct</c>.</summary>
    public IReadOnlyList<int> ColorSetByState { get; }
}
