namespace OutlookCrm.Service.Auth;

public enum AuthMode { Entra, Development }

public sealed class AuthSettings
{
    public const string Section = "Auth";
    public const string RequiredScope = "access_as_user";

    /// <summary>Entra in every environment but Development, where appsettings.Development.json picks Development.</summary>
    public AuthMode Mode { get; set; } = AuthMode.Entra;

    /// <summary>Optional allow-list of tenant ids; empty means any Microsoft Entra work or school tenant.</summary>
    public List<Guid> AllowedTenants { get; set; } = [];
}
