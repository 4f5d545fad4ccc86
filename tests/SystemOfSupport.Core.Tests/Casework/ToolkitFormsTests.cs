using SystemOfSupport.Core.Casework;

namespace SystemOfSupport.Core.Tests.Casework;

public class ToolkitFormsTests
{
    [Fact]
    public void There_are_the_four_CALPADS_toolkit_forms_each_with_required_fields()
    {
        ToolkitForms.All.Select(f => f.Title).ShouldBe(
            ["Data-management needs assessment", "Root-cause analysis", "Data-management practices evaluation", "Goals for local accountability"]);
        ToolkitForms.All.ShouldAllBe(f => f.Fields.Any(x => x.Required));
    }

    [Fact]
    public void A_complete_form_is_valid()
    {
        ToolkitForms.Validate(ToolkitForm.LocalAccountabilityGoals, new Dictionary<string, string?>
        {
            ["goal"] = "Certify every submission on time",
            ["measure"] = "CALPADS certification dates",
            ["owner"] = "Director of data",
            ["targetDate"] = "2026-06-30",
        }).ShouldBeEmpty();
    }

    [Fact]
    public void Missing_ratings_out_of_range_bad_dates_and_unknown_fields_are_named()
    {
        var errors = ToolkitForms.Validate(ToolkitForm.DataManagementNeedsAssessment, new Dictionary<string, string?>
        {
            ["staffing"] = "5",
            ["submissionCalendar"] = "two",
            ["dataValidation"] = "3",
            ["systems"] = "4",
            ["colour"] = "blue",
        });
        errors.ShouldBe(new Dictionary<string, string>
        {
            ["colour"] = "Data-management needs assessment has no field 'colour'.",
            ["staffing"] = "Data staffing and roles (rate 1–4): '5' is not a rating from 1 to 4.",
            ["submissionCalendar"] = "Submission calendar and internal deadlines (rate 1–4): 'two' is not a rating from 1 to 4.",
            ["needs"] = "Greatest needs found is required.",
        }, ignoreOrder: true);

        ToolkitForms.Validate(ToolkitForm.LocalAccountabilityGoals, new Dictionary<string, string?> { ["goal"] = "g", ["measure"] = "m", ["owner"] = "o", ["targetDate"] = "30/06/2026" })
            .ShouldBe(new Dictionary<string, string> { ["targetDate"] = "Target date: '30/06/2026' is not a date (yyyy-mm-dd)." });
    }
}
