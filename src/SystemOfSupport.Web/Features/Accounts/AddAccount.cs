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
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, command.Role, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--role must be one of {string.Join(", ", Roles.All).ToLowerInvariant()}, not '{command.Role}'");
        var (county, lea) = Scope(role, command);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        var user = new IdentityUser { UserName = command.Email, Email = command.Email };
        Check(await users.CreateAsync(user, command.Password));
        Check(await users.AddToRoleAsync(user, role));
        if (county is not null)
        {
            Check(await users.AddClaimAsync(user, new Claim(Viewer.CountyClaim, county)));
        }

        if (lea is not null)
        {
            Check(await users.AddClaimAsync(user, new Claim(Viewer.LeaClaim, lea)));
        }

        await transaction.CommitAsync();
        return new AccountAdded(command.Email, role, county, lea);
    }

    private static (string? County, string? Lea) Scope(string role, AddAccount command)
    {
        switch (role)
        {
            case Roles.County when command.Lea is null:
                return CountyHandler.TryFind(command.County ?? string.Empty, out var county)
                    ? (county.Code, null)
                    : throw new ArgumentException($"the County role needs --county, one of California's 58 counties (name or 2-digit code), not '{command.County}'");
            case Roles.Lea when command.County is null:
                var code = command.Lea?.Trim() ?? string.Empty;
                return CdsCode.TryParse(code.Length == 7 ? code + CdsCode.LeaSchoolCode : code, out var cds)
                    ? (null, cds.Value)
                    : throw new ArgumentException($"the Lea role needs --lea, a 14-digit CDS code or 7-digit CD code, not '{command.Lea}'");
            case Roles.State when command.County is null && command.Lea is null:
                return (null, null);
            default:
                throw new ArgumentException($"the {role} role takes {(role == Roles.County ? "--county only" : role == Roles.Lea ? "--lea only" : "neither --county nor --lea")}");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
