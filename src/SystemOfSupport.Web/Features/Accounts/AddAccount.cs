using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SystemOfSupport.Core.Domain;
using SystemOfSupport.Web.Features.CountyPage;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Accounts;

/// <summary>A new account (<c>sos users add</c>): state staff, a county office's staff (<paramref name="County"/>), or an LEA's (<paramref name="Lea"/>).</summary>
/// <param name="Role">One of <see cref="Roles.All"/>, any case.</param>
/// <param name="County">For the County role: the county's name or 2-digit code.</param>
/// <param name="Lea">For the Lea role: the LEA's 14-digit CDS code or 7-digit CD code.</param>
public sealed record AddAccount(string Email, string Password, string Role, string? County = null, string? Lea = null);

public sealed record AccountAdded(string Email, string Role, string? County, string? Lea);

public sealed class AddAccountHandler(SosDb db, UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    /// <exception cref="ArgumentException">The role, its scope, the email or the password is not acceptable; nothing is stored.</exception>
    public async Task<AccountAdded> Handle(AddAccount command)
    {
        var (role, county, lea) = Scope(command.Role, command.County, command.Lea);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await EnsureRole(roles, role);

        var user = new IdentityUser { UserName = command.Email, Email = command.Email };
        Check(await users.CreateAsync(user, command.Password));
        Check(await users.AddToRoleAsync(user, role));
        foreach (var claim in Claims(county, lea))
        {
            Check(await users.AddClaimAsync(user, claim));
        }

        await transaction.CommitAsync();
        return new AccountAdded(command.Email, role, county, lea);
    }

    /// <summary>The role by its canonical name and the scope it takes: a county for County staff, an LEA for LEA staff, none for State staff.</summary>
    /// <exception cref="ArgumentException">An unknown role, or a scope the role does not take.</exception>
    internal static (string Role, string? County, string? Lea) Scope(string roleName, string? countyName, string? leaCode)
    {
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--role must be one of {string.Join(", ", Roles.All).ToLowerInvariant()}, not '{roleName}'");
        var county = string.IsNullOrWhiteSpace(countyName) ? null : countyName;
        var lea = string.IsNullOrWhiteSpace(leaCode) ? null : leaCode;
        switch (role)
        {
            case Roles.County when lea is null:
                return CountyHandler.TryFind(county ?? string.Empty, out var found)
                    ? (role, found.Code, null)
                    : throw new ArgumentException($"the County role needs --county, one of California's 58 counties (name or 2-digit code), not '{county}'");
            case Roles.Lea when county is null:
                var code = lea?.Trim() ?? string.Empty;
                return CdsCode.TryParse(code.Length == 7 ? code + CdsCode.LeaSchoolCode : code, out var cds)
                    ? (role, null, cds.Value)
                    : throw new ArgumentException($"the Lea role needs --lea, a 14-digit CDS code or 7-digit CD code, not '{lea}'");
            case Roles.State when county is null && lea is null:
                return (role, null, null);
            default:
                throw new ArgumentException($"the {role} role takes {(role == Roles.County ? "--county only" : role == Roles.Lea ? "--lea only" : "neither --county nor --lea")}");
        }
    }

    /// <summary>The claims that carry an account's scope (<see cref="Viewer"/> reads them).</summary>
    internal static IEnumerable<Claim> Claims(string? county, string? lea) =>
        [.. county is null ? [] : new[] { new Claim(Viewer.CountyClaim, county) }, .. lea is null ? [] : new[] { new Claim(Viewer.LeaClaim, lea) }];

    internal static async Task EnsureRole(RoleManager<IdentityRole> roles, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
