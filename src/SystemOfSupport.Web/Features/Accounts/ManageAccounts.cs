using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SystemOfSupport.Web.Storage;

namespace SystemOfSupport.Web.Features.Accounts;

/// <summary>An account as the accounts page lists it: its role and scope, and whether it is locked.</summary>
public sealed record AccountSummary(string Id, string Email, string? Role, string? County, string? Lea, bool Locked);

/// <summary>A new role and scope for an account (the same rules as <c>sos users add</c>).</summary>
public sealed record ChangeRole(string Role, string? County = null, string? Lea = null);

public sealed record LockAccount(bool Locked);

public sealed record ResetPassword(string Password);

/// <summary>
/// State staff manage the accounts: list them, change role and scope, lock and unlock, set a new password. A state
/// user cannot take away their own state role or lock themselves out, so the last state account cannot disappear by mistake.
/// Each change renews the account's security stamp, so its sign-in cookies are checked again.
/// </summary>
public sealed class ManageAccountsHandler(SosDb db, UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<IReadOnlyList<AccountSummary>> List(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rolesByUser = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var scopes = await db.UserClaims.Where(c => c.ClaimType == Viewer.CountyClaim || c.ClaimType == Viewer.LeaClaim).ToListAsync(cancellationToken);
        return
        [
            .. accounts.Select(u => new AccountSummary(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                rolesByUser.FirstOrDefault(r => r.UserId == u.Id)?.Name,
                scopes.FirstOrDefault(c => c.UserId == u.Id && c.ClaimType == Viewer.CountyClaim)?.ClaimValue,
                scopes.FirstOrDefault(c => c.UserId == u.Id && c.ClaimType == Viewer.LeaClaim)?.ClaimValue,
                u.LockoutEnd > DateTimeOffset.UtcNow)),
        ];
    }

    /// <returns>False when there is no such account.</returns>
    /// <exception cref="ArgumentException">The role or scope is not acceptable, or <paramref name="actor"/> would lose their own state role.</exception>
    public async Task<bool> Handle(string id, ChangeRole command, ClaimsPrincipal actor)
    {
        var (role, county, lea) = AddAccountHandler.Scope(command.Role, command.County, command.Lea);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }

        if (role != Roles.State && users.GetUserId(actor) == user.Id)
        {
            throw new ArgumentException("you cannot take away your own state role: another state user must do it");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await AddAccountHandler.EnsureRole(roles, role);
        AddAccountHandler.Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        AddAccountHandler.Check(await users.AddToRoleAsync(user, role));
        var old = (await users.GetClaimsAsync(user)).Where(c => c.Type is Viewer.CountyClaim or Viewer.LeaClaim).ToList();
        AddAccountHandler.Check(await users.RemoveClaimsAsync(user, old));
        AddAccountHandler.Check(await users.AddClaimsAsync(user, AddAccountHandler.Claims(county, lea)));
        AddAccountHandler.Check(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Locks an account until it is unlocked (its sign-ins are refused), or unlocks it.</summary>
    /// <exception cref="ArgumentException"><paramref name="actor"/> would lock themselves out.</exception>
    public async Task<bool> Handle(string id, LockAccount command, ClaimsPrincipal actor)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }

        if (command.Locked && users.GetUserId(actor) == user.Id)
        {
            throw new ArgumentException("you cannot lock your own account");
        }

        AddAccountHandler.Check(await users.SetLockoutEnabledAsync(user, true));
        AddAccountHandler.Check(await users.SetLockoutEndDateAsync(user, command.Locked ? DateTimeOffset.MaxValue : null));
        AddAccountHandler.Check(await users.ResetAccessFailedCountAsync(user));
        AddAccountHandler.Check(await users.UpdateSecurityStampAsync(user));
        return true;
    }

    /// <summary>Sets a new password (checked against the password rules before the old one is removed).</summary>
    /// <exception cref="ArgumentException">The password does not meet the rules.</exception>
    public async Task<bool> Handle(string id, ResetPassword command)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return false;
        }

        foreach (var validator in users.PasswordValidators)
        {
            AddAccountHandler.Check(await validator.ValidateAsync(users, user, command.Password));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        AddAccountHandler.Check(await users.RemovePasswordAsync(user));
        AddAccountHandler.Check(await users.AddPasswordAsync(user, command.Password));
        await transaction.CommitAsync();
        return true;
    }
}
