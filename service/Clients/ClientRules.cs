using System.Globalization;
using OutlookCrm.Service.Addresses;
using OutlookCrm.Service.Infrastructure;

namespace OutlookCrm.Service.Clients;

/// <summary>The validation rules of client properties, shared by create, update and custom fields.</summary>
public static class ClientRules
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 1000;
    public const int MaxPhoneLength = 32;

    public static string? CheckName(string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? "Required." : null;
        if (value.Trim().Length > MaxNameLength) return $"At most {MaxNameLength} characters.";
        return value.Any(char.IsControl) ? "Must not contain control characters." : null;
    }

    public static string? CheckText(string value) =>
        value.Length > MaxTextLength ? $"At most {MaxTextLength} characters." : null;

    public static string? CheckPhone(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > MaxPhoneLength) return $"At most {MaxPhoneLength} characters.";
        if (!trimmed.Any(char.IsAsciiDigit) || !trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))
            return "Only digits, spaces and + - ( ) are allowed.";
        return null;
    }

    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string? CheckDateOfBirth(string value, DateOnly today)
    {
        if (!TryParseDate(value, out var date)) return "Use the format yyyy-MM-dd.";
        return date > today || date.Year < 1900 ? "Not a plausible date of birth." : null;
    }

    public static string? CheckEmail(string value, out EmailAddress address) =>
        EmailAddress.TryParse(value, out address) ? null : "Not a valid email address.";

    public static bool TryParseStatus(string? value, out ClientStatus status) => EnumValue.TryParse(value, out status);
}
