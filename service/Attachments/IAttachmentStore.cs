namespace OutlookCrm.Service.Attachments;

/// <summary>
/// Where attachment contents live. Keys are made only by <see cref="AttachmentKeys"/> (workspace +
/// content hash), never from a file name, so nothing an email says can choose a path or a blob name.
/// Writing the same key twice stores the same bytes: a put may be repeated safely.
/// </summary>
public interface IAttachmentStore
{
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The content, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the content; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public static class AttachmentKeys
{
    /// <summary>One key per workspace and content: a duplicate attachment is stored once per workspace, never shared across workspaces.</summary>
    public static string For(Guid workspaceId, string sha256Hex) => $"{workspaceId:N}/{sha256Hex}";

    /// <summary>Only keys this class makes: 32 hex digits, a slash, 64 hex digits.</summary>
    public static bool IsValid(string key) =>
        key.Length == 32 + 1 + 64 && key[32] == '/' && key.Remove(32, 1).All(char.IsAsciiHexDigitLower);
}
