using System.Globalization;

namespace SystemOfSupport.Core.Casework;

/// <summary>The CALPADS toolkit's structured forms, kept on the case of an LEA that met Method 4.</summary>
public enum ToolkitForm
{
    DataManagementNeedsAssessment,
    RootCauseAnalysis,
    DataManagementPracticesEvaluation,
    LocalAccountabilityGoals,
}

public enum FieldKind
{
    Text,

    /// <summary>1 (not in place) to 4 (fully in place).</summary>
    Rating,
    Date,
}

public sealed record ToolkitField(string Name, string Label, FieldKind Kind, bool Required);

public sealed record ToolkitFormDefinition(ToolkitForm Form, string Title, IReadOnlyList<ToolkitField> Fields);

/// <summary>The forms' fields as data, and their validation.</summary>
public static class ToolkitForms
{
    public static IReadOnlyList<ToolkitFormDefinition> All { get; } =
    [
        new(ToolkitForm.DataManagementNeedsAssessment, "Data-management needs assessment",
        [
            new("staffing", "Data staffing and roles (rate 1–4)", FieldKind.Rating, true),
            new("submissionCalendar", "Submission calendar and internal deadlines (rate 1–4)", FieldKind.Rating, true),
            new("dataValidation", "Validation and error resolution before certification (rate 1–4)", FieldKind.Rating, true),
            new("systems", "Student information system and its interfaces (rate 1–4)", FieldKind.Rating, true),
            new("needs", "Greatest needs found", FieldKind.Text, true),
        ]),
        new(ToolkitForm.RootCauseAnalysis, "Root-cause analysis",
        [
            new("problem", "Problem statement (which submissions were late or uncertified)", FieldKind.Text, true),
            new("causes", "Root causes", FieldKind.Text, true),
            new("evidence", "Evidence reviewed", FieldKind.Text, false),
        ]),
        new(ToolkitForm.DataManagementPracticesEvaluation, "Data-management practices evaluation",
        [
            new("governance", "Data governance and ownership (rate 1–4)", FieldKind.Rating, true),
            new("training", "Training of staff who enter data (rate 1–4)", FieldKind.Rating, true),
            new("communication", "Communication between departments (rate 1–4)", FieldKind.Rating, true),
            new("strengths", "Strengths", FieldKind.Text, false),
            new("improvements", "Improvements needed", FieldKind.Text, true),
        ]),
        new(ToolkitForm.LocalAccountabilityGoals, "Goals for local accountability",
        [
            new("goal", "Goal", FieldKind.Text, true),
            new("measure", "How progress is measured", FieldKind.Text, true),
            new("owner", "Who is responsible", FieldKind.Text, true),
            new("targetDate", "Target date", FieldKind.Date, true),
        ]),
    ];

    public static ToolkitFormDefinition Of(ToolkitForm form) => All.Single(d => d.Form == form);

    /// <summary>Each field's problem, by field name (empty when the values are valid); unknown fields are refused.</summary>
    public static IReadOnlyDictionary<string, string> Validate(ToolkitForm form, IReadOnlyDictionary<string, string?> values)
    {
        var definition = Of(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in values.Keys.Where(k => definition.Fields.All(f => f.Name != k)))
        {
            errors[name] = $"{definition.Title} has no field '{name}'.";
        }

        foreach (var field in definition.Fields)
        {
            var value = values.GetValueOrDefault(field.Name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required)
                {
                    errors[field.Name] = $"{field.Label} is required.";
                }
            }
            else if (field.Kind == FieldKind.Rating && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 4))
            {
                errors[field.Name] = $"{field.Label}: '{value}' is not a rating from 1 to 4.";
            }
            else if (field.Kind == FieldKind.Date && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors[field.Name] = $"{field.Label}: '{value}' is not a date (yyyy-mm-dd).";
            }
        }

        return errors;
    }
}
