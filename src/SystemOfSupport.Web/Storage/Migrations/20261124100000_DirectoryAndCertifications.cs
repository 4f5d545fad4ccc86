using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SystemOfSupport.Web.Storage.Migrations;

/// <summary>
/// Each imported year's LEA directory (ADA, authorizers: funding) and CALPADS certification records (the CALPADS page).
/// No column types are named, as in <see cref="DecidedYearsAndAccounts"/>.
/// </summary>
[DbContext(typeof(SosDb))]
[Migration("20261124100000_DirectoryAndCertifications")]
public sealed class DirectoryAndCertifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalpadsCertifications",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Cds = table.Column<string>(maxLength: 14, nullable: false),
                SchoolYear = table.Column<string>(maxLength: 7, nullable: false),
                Submission = table.Column<string>(maxLength: 10, nullable: false),
                CountyCode = table.Column<string>(maxLength: 2, nullable: false),
                CertifiedOn = table.Column<DateOnly>(nullable: true),
                AmendedOn = table.Column<DateOnly>(nullable: true),
                DataQualityIssue = table.Column<bool>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalpadsCertifications", x => new { x.Year, x.Cds, x.SchoolYear, x.Submission });
            });

        migrationBuilder.CreateTable(
            name: "LeaDirectoryEntries",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Cds = table.Column<string>(maxLength: 14, nullable: false),
                CountyCode = table.Column<string>(maxLength: 2, nullable: false),
                Name = table.Column<string>(nullable: false),
                City = table.Column<string>(nullable: true),
                GradeSpan = table.Column<string>(nullable: true),
                Ada = table.Column<decimal>(nullable: false),
                CharterAuthorizer = table.Column<string>(maxLength: 14, nullable: true),
                Line = table.Column<int>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LeaDirectoryEntries", x => new { x.Year, x.Cds });
            });

        migrationBuilder.CreateIndex(
            name: "IX_CalpadsCertifications_SchoolYear_CountyCode",
            table: "CalpadsCertifications",
            columns: ["SchoolYear", "CountyCode"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CalpadsCertifications");
        migrationBuilder.DropTable(name: "LeaDirectoryEntries");
    }
}
