using System.ComponentModel.DataAnnotations;
namespace OutlookCrm.Service.Attachments;

/// <summary>An attachment listed under a saved email. <c>SkipReason</c>: null when stored (downloadable), else file-too-large, email-too-large or not-a-file.</summary>
public sealed record HistoryAttachment(Guid Id, string Name, long Size,
    [property: AllowedValues(SkipReasons.FileTooLarge, SkipReasons.EmailTooLarge, SkipReasons.NotAFile)] string? SkipReason);

/// <summary>An attachment in a client's export, with its content when stored.</summary>
public sealed record ExportedAttachment(Guid Id, Guid SavedEmailId, string Name, long Size, string? SkipReason, string? Sha256, string? ContentBase64);
