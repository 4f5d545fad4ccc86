using SystemOfSupport.Core.Domain;

namespace SystemOfSupport.Core.Colors;

/// <summary>
/// A five-by-five grid (RULES.md §2.6): the color of each status level × change level, written as the rulebook
/// prints it, status 5 in the first row and change 5 in the first column; <c>-</c> is a cell with no color.
/// </summary>
public sealed class ColorGrid
{
    private readonly DashboardColor[,] cells = new DashboardColor[5, 5];

    /// <param name="rows">Five rows (status 5 down to 1) of five cells (change 5 down to 1): B G Y O R or -.</param>
    public ColorGrid(params string[] rows)
    {
        if (rows.Length != 5)
        {
            throw new ArgumentException("a grid has five rows", nameof(rows));
        }

        for (var r = 0; r < 5; r++)
        {
            var row = rows[r].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (row.Length != 5)
            {
                throw new ArgumentException($"grid row '{rows[r]}' does not have five cells", nameof(rows));
            }

            for (var c = 0; c < 5; c++)
            {
                cells[r, c] = row[c] switch
                {
                    "B" => DashboardColor.Blue,
                    "G" => DashboardColor.Green,
                    "Y" => DashboardColor.Yellow,
                    "O" => DashboardColor.Orange,
                    "R" => DashboardColor.Red,
                    "-" => DashboardColor.None,
                    _ => throw new ArgumentException($"unknown grid cell '{row[c]}'", nameof(rows)),
                };
            }
        }
    }

    /// <summary>The color of a status level and change level, each 1–5.</summary>
    public DashboardColor Color(int statusLevel, int changeLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusLevel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusLevel, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(changeLevel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(changeLevel, 5);
        return cells[5 - statusLevel, 5 - changeLevel];
    }
}
