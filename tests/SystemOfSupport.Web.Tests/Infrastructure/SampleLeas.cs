using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Tests.Infrastructure;

/// <summary>LEAs of the imported sample that tests pick by what is stored rather than by a hard-coded code.</summary>
internal static class SampleLeas
{
    /// <summary>A district of <paramref name="countyCode"/> not in assistance in <paramref name="year"/> and without any case: one whose case can only be opened by hand.</summary>
    public static async Task<string> DistrictWithoutCase(IServiceProvider services, string countyCode = "27", int year = 2024)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SosDb>();
        var withCases = await db.Set<AssistanceCase>().Select(c => c.Cds).ToListAsync();
        var candidates = await db.Leas.Where(l => l.Year == year && l.CountyCode == countyCode && !l.InAssistance && l.Kind != "CharterSchool")
            .Select(l => l.Cds).ToListAsync();
        return candidates.Except(withCases).Order(StringComparer.Ordinal).First();
    }
}
