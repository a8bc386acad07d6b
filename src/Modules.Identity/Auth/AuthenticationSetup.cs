using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;
using Modules.Identity.Features.EnforcePasswordPolicy;

namespace Modules.Identity.Auth;

/// <summary>
/// ASP.NET Core Identity with our password hasher, lockout and policy; a cookie for the browser and bearer tokens
/// for the API behind one policy scheme; session checks on both; a stricter rate limit for the auth endpoints.
/// </summary>
internal static class AuthenticationSetup
{
    public const string Scheme = "ua";
    public const string AuthRateLimit = "auth";

    /// <summary>The browser's sign-in cookie.</summary>
    public const string CookieName = "ua-auth";

    public static void Add(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(options.JwtSigningKey))
            throw new InvalidOperationException("Auth:JwtSigningKey is not set. In production set Auth__JwtSigningKey to a random secret of at least 32 bytes (e.g. `openssl rand -base64 48`).");
        if (builder.Environment.IsProduction() && !builder.Configuration.GetSection("Security:EncryptionKeys").GetChildren().Any())
            throw new InvalidOperationException("Security:EncryptionKeys is not set. In production set Security__EncryptionKeys__1 to base64 of 32 random bytes (openssl rand -base64 32).");
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = options.PasswordHashIterations);
        services.AddScoped<IPasswordHasher<AppUser>, BoundedPasswordHasher>();

        services.AddIdentityCore<AppUser>(o =>
            {
                PasswordPolicy.Configure(o);
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = options.LockoutMaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = options.RequireConfirmedEmail;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton(sp =>
        {
            var key = SigningKey.Resolve(options, sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<DataDirectory>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Modules.Identity.Auth.SigningKey"));
            return new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                AccessTokenAuthentication.Carries(http) ? AccessTokenAuthentication.SchemeName
                : http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (http.Request.Path.StartsWithSegments("/hubs") && http.Request.Query.ContainsKey("access_token"))
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = true;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = ClaimTypes.Role,
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = RejectRevokedSessionAsync,
                    // Browsers cannot set headers on WebSockets: hub clients send the token on the query string.
                    OnMessageReceived = c =>
                    {
                        if (c.Request.Path.StartsWithSegments("/hubs") && c.Request.Query["access_token"] is { Count: 1 } token) c.Token = token;
                        return Task.CompletedTask;
                    },
                };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/login";
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromDays(options.BrowserSessionDays);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RejectRevokedCookieAsync,
                    OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden),
                };
            }));
        // Every 30 minutes Identity re-checks the security stamp and re-issues the cookie from a fresh principal, which
        // knows nothing of our session claim: carry it over, or the session check below would sign everyone out every
        // 30 minutes (and a claim-less cookie must never be taken as "no session to check").
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(AuthClaims.SessionId) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
                && !identity.HasClaim(c => c.Type == AuthClaims.SessionId))
                identity.AddClaim(new Claim(AuthClaims.SessionId, session.Value));
            return Task.CompletedTask;
        });
        // An https public address means TLS (perhaps terminated by a proxy): every auth cookie is Secure, whatever
        // scheme the request behind the proxy arrived with.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(sp => new PostConfigureOptions<CookieAuthenticationOptions, Shared.Hosting.PublicOrigin>(
            name: null, sp.GetRequiredService<Shared.Hosting.PublicOrigin>(), (o, origin) =>
            {
                if (origin.IsHttps) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }));
        // The bearer scheme's key comes from DI (it may be generated into the data folder at first start).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningCredentials>((o, credentials) => o.TokenValidationParameters.IssuerSigningKey = credentials.Key);
        // One policy per permission, from the role table in Contracts.Identity.Permissions (docs/security.md, "Roles").
        services.AddAuthorization(o =>
        {
            foreach (var permission in Contracts.Identity.Permissions.All)
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(Contracts.Identity.Permissions.RolesFor(permission)));
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();

        services.Configure<RateLimiterOptions>(o => o.AddPolicy(AuthRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            "auth:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = builder.Configuration.GetValue("Auth:RateLimitPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        // The same per-address limit on every POST of the server-rendered /account/* forms (sign-in, code, register,
        // forgot and reset password, …), which the API's policy does not see; sign-out is not an attempt at anything.
        services.PostConfigure<RateLimiterOptions>(o => o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            [.. o.GlobalLimiter is { } global ? [global] : Array.Empty<PartitionedRateLimiter<HttpContext>>(), AccountForms(builder.Configuration)]));
    }

    private static PartitionedRateLimiter<HttpContext> AccountForms(IConfiguration configuration) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/account") && !http.Request.Path.StartsWithSegments("/account/logout")
                ? RateLimitPartition.GetFixedWindowLimiter("account-forms:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Auth:RateLimitPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("not-a-form"));

    private static async Task RejectRevokedSessionAsync(TokenValidatedContext context)
    {
        if (context.Principal is not { } principal || !await IsSessionActiveAsync(context.HttpContext, principal))
            context.Fail("The session of this token has been revoked");
    }

    private static async Task RejectRevokedCookieAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);   // password changes still sign other devices out
        if (context.Principal is { } principal && !await IsSessionActiveAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    internal static async Task<bool> IsSessionActiveAsync(HttpContext http, ClaimsPrincipal principal)
    {
        if (UserIds.Find(principal) is not { } userId || SessionClaims.SessionId(principal) is not { } sessionId) return false;
        return await http.RequestServices.GetRequiredService<Sessions>().IsActiveAsync(sessionId, userId, http.RequestAborted);
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/mcp"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
