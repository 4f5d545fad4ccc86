using System.Text;
using CsCheck;
using SystemOfSupport.Formats.Text;

namespace SystemOfSupport.Formats.Tests.Text;

/// <summary>Fields found eight characters at a time are the fields <see cref="string.Split(char)"/> gives.</summary>
public sealed class DelimitedFieldsTests
{
    [Fact]
    public void Fields_are_those_split_gives_whatever_their_lengths() =>
        // Short and long fields, empty ones, non-ASCII text: delimiters on and across every vector boundary.
        Gen.String[Gen.Char["ab\u00e9\u4e2d "], 0, 20].Array[1, 60].Sample(fields =>
        {
            var line = string.Join('\t', fields);
            var found = new DelimitedFields('\t', fields.Length).Load(line);
            var fromBytes = new DelimitedFields('\t', fields.Length).Load(Encoding.UTF8.GetBytes(line), Encoding.UTF8);
            for (var i = 0; i < fields.Length; i++)
            {
                found[i].ToString().ShouldBe(fields[i]);
                fromBytes[i].ToString().ShouldBe(fields[i]);
            }
        });

    [Fact]
    public void The_last_field_keeps_any_further_delimiters()
    {
        var found = new DelimitedFields('\t', 2).Load("a\tb\tc\td");
        found[0].ToString().ShouldBe("a");
        found[1].ToString().ShouldBe("b\tc\td");
    }
}
