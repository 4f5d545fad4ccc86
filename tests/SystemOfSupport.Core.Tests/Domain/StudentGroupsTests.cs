using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Tests.Domain;

/// <summary>A group code reads the same from a string and from a span of a line: trimmed, any case.</summary>
public class StudentGroupsTests
{
    [Theory]
    [InlineData("SWD", StudentGroup.SWD)]
    [InlineData(" swd ", StudentGroup.SWD)]
    [InlineData("ltel", StudentGroup.LTEL)]
    [InlineData("ALL", StudentGroup.ALL)]
    public void Known_codes_read_from_a_string_or_a_span(string code, StudentGroup expected)
    {
        StudentGroups.TryParse(code, out var fromString).ShouldBeTrue();
        StudentGroups.TryParse($"x\t{code}\ty".AsSpan(2, code.Length), out var fromSpan).ShouldBeTrue();
        fromString.ShouldBe(expected);
        fromSpan.ShouldBe(expected);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("")]
    [InlineData("S WD")]
    public void Unknown_codes_are_refused(string code)
    {
        StudentGroups.TryParse(code, out _).ShouldBeFalse();
        StudentGroups.TryParse(code.AsSpan(), out _).ShouldBeFalse();
    }
}
