/* HRESULT decoding: the written forms of an HRESULT, its three fields, the
 * names of the facilities, and the names and messages of the Win32 errors that
 * SSPR and writeback logs carry (inside HRESULT_FROM_WIN32 values).
 *
 * These tables are Windows platform constants, not SSPR documentation, so they
 * live here and not in the catalogue. Each name, number and message is copied
 * from the Windows SDK: winerror.h (its FACILITY_* defines and MessageText
 * comments) and lmerr.h (NERR_*).
 *
 * Strings sit in one struct of char arrays and are found by offset, like the
 * generated tables, so the shared object needs no relocations for them. */
#include "sspr-errors.h"

#include "lex.h"

#include <stddef.h>
#include <string.h>

/* ---- facilities ------------------------------------------------------------
 * Every facility winerror.h defines; where it gives one value two names
 * (FACILITY_SSPI and FACILITY_SECURITY are both 9), the first it lists. */
#define HR_FACILITIES(X)                                                                           \
    X(0, FACILITY_NULL)                                                                            \
    X(1, FACILITY_RPC)                                                                             \
    X(2, FACILITY_DISPATCH)                                                                        \
    X(3, FACILITY_STORAGE)                                                                         \
    X(4, FACILITY_ITF)                                                                             \
    X(7, FACILITY_WIN32)                                                                           \
    X(8, FACILITY_WINDOWS)                                                                         \
    X(9, FACILITY_SSPI)                                                                            \
    X(10, FACILITY_CONTROL)                                                                        \
    X(11, FACILITY_CERT)                                                                           \
    X(12, FACILITY_INTERNET)                                                                       \
    X(13, FACILITY_MEDIASERVER)                                                                    \
    X(14, FACILITY_MSMQ)                                                                           \
    X(15, FACILITY_SETUPAPI)                                                                       \
    X(16, FACILITY_SCARD)                                                                          \
    X(17, FACILITY_COMPLUS)                                                                        \
    X(18, FACILITY_AAF)                                                                            \
    X(19, FACILITY_URT)                                                                            \
    X(20, FACILITY_ACS)                                                                            \
    X(21, FACILITY_DPLAY)                                                                          \
    X(22, FACILITY_UMI)                                                                            \
    X(23, FACILITY_SXS)                                                                            \
    X(24, FACILITY_WINDOWS_CE)                                                                     \
    X(25, FACILITY_HTTP)                                                                           \
    X(26, FACILITY_USERMODE_COMMONLOG)                                                             \
    X(27, FACILITY_WER)                                                                            \
    X(31, FACILITY_USERMODE_FILTER_MANAGER)                                                        \
    X(32, FACILITY_BACKGROUNDCOPY)                                                                 \
    X(33, FACILITY_CONFIGURATION)                                                                  \
    X(34, FACILITY_STATE_MANAGEMENT)                                                               \
    X(35, FACILITY_METADIRECTORY)                                                                  \
    X(36, FACILITY_WINDOWSUPDATE)                                                                  \
    X(37, FACILITY_DIRECTORYSERVICE)                                                               \
    X(38, FACILITY_GRAPHICS)                                                                       \
    X(39, FACILITY_SHELL)                                                                          \
    X(40, FACILITY_TPM_SERVICES)                                                                   \
    X(41, FACILITY_TPM_SOFTWARE)                                                                   \
    X(42, FACILITY_UI)                                                                             \
    X(43, FACILITY_XAML)                                                                           \
    X(44, FACILITY_ACTION_QUEUE)                                                                   \
    X(48, FACILITY_PLA)                                                                            \
    X(49, FACILITY_FVE)                                                                            \
    X(50, FACILITY_FWP)                                                                            \
    X(51, FACILITY_WINRM)                                                                          \
    X(52, FACILITY_NDIS)                                                                           \
    X(53, FACILITY_USERMODE_HYPERVISOR)                                                            \
    X(54, FACILITY_CMI)                                                                            \
    X(55, FACILITY_USERMODE_VIRTUALIZATION)                                                        \
    X(56, FACILITY_USERMODE_VOLMGR)                                                                \
    X(57, FACILITY_BCD)                                                                            \
    X(58, FACILITY_USERMODE_VHD)                                                                   \
    X(59, FACILITY_USERMODE_HNS)                                                                   \
    X(60, FACILITY_SDIAG)                                                                          \
    X(61, FACILITY_WEBSERVICES)                                                                    \
    X(62, FACILITY_WPN)                                                                            \
    X(63, FACILITY_WINDOWS_STORE)                                                                  \
    X(64, FACILITY_INPUT)                                                                          \
    X(65, FACILITY_QUIC)                                                                           \
    X(66, FACILITY_EAP)                                                                            \
    X(70, FACILITY_IORING)                                                                         \
    X(80, FACILITY_WINDOWS_DEFENDER)                                                               \
    X(81, FACILITY_OPC)                                                                            \
    X(82, FACILITY_XPS)                                                                            \
    X(83, FACILITY_RAS)                                                                            \
    X(84, FACILITY_MBN)                                                                            \
    X(85, FACILITY_EAS)                                                                            \
    X(98, FACILITY_P2P_INT)                                                                        \
    X(99, FACILITY_P2P)                                                                            \
    X(100, FACILITY_DAF)                                                                           \
    X(101, FACILITY_BLUETOOTH_ATT)                                                                 \
    X(102, FACILITY_AUDIO)                                                                         \
    X(103, FACILITY_STATEREPOSITORY)                                                               \
    X(109, FACILITY_VISUALCPP)                                                                     \
    X(112, FACILITY_SCRIPT)                                                                        \
    X(113, FACILITY_PARSE)                                                                         \
    X(120, FACILITY_BLB)                                                                           \
    X(121, FACILITY_BLB_CLI)                                                                       \
    X(122, FACILITY_WSBAPP)                                                                        \
    X(128, FACILITY_BLBUI)                                                                         \
    X(129, FACILITY_USN)                                                                           \
    X(130, FACILITY_USERMODE_VOLSNAP)                                                              \
    X(131, FACILITY_TIERING)                                                                       \
    X(133, FACILITY_WSB_ONLINE)                                                                    \
    X(134, FACILITY_ONLINE_ID)                                                                     \
    X(135, FACILITY_DEVICE_UPDATE_AGENT)                                                           \
    X(136, FACILITY_DRVSERVICING)                                                                  \
    X(153, FACILITY_DLS)                                                                           \
    X(160, FACILITY_SOS)                                                                           \
    X(173, FACILITY_OCP_UPDATE_AGENT)                                                              \
    X(176, FACILITY_DEBUGGERS)                                                                     \
    X(208, FACILITY_DELIVERY_OPTIMIZATION)                                                         \
    X(231, FACILITY_USERMODE_SPACES)                                                               \
    X(232, FACILITY_USER_MODE_SECURITY_CORE)                                                       \
    X(234, FACILITY_USERMODE_LICENSING)                                                            \
    X(256, FACILITY_SPP)                                                                           \
    X(257, FACILITY_DEPLOYMENT_SERVICES_SERVER)                                                    \
    X(258, FACILITY_DEPLOYMENT_SERVICES_IMAGING)                                                   \
    X(259, FACILITY_DEPLOYMENT_SERVICES_MANAGEMENT)                                                \
    X(260, FACILITY_DEPLOYMENT_SERVICES_UTIL)                                                      \
    X(261, FACILITY_DEPLOYMENT_SERVICES_BINLSVC)                                                   \
    X(263, FACILITY_DEPLOYMENT_SERVICES_PXE)                                                       \
    X(264, FACILITY_DEPLOYMENT_SERVICES_TFTP)                                                      \
    X(272, FACILITY_DEPLOYMENT_SERVICES_TRANSPORT_MANAGEMENT)                                      \
    X(278, FACILITY_DEPLOYMENT_SERVICES_DRIVER_PROVISIONING)                                       \
    X(289, FACILITY_DEPLOYMENT_SERVICES_MULTICAST_SERVER)                                          \
    X(290, FACILITY_DEPLOYMENT_SERVICES_MULTICAST_CLIENT)                                          \
    X(293, FACILITY_DEPLOYMENT_SERVICES_CONTENT_PROVIDER)                                          \
    X(296, FACILITY_HSP_SERVICES)                                                                  \
    X(297, FACILITY_HSP_SOFTWARE)                                                                  \
    X(305, FACILITY_LINGUISTIC_SERVICES)                                                           \
    X(885, FACILITY_WEB)                                                                           \
    X(886, FACILITY_WEB_SOCKET)                                                                    \
    X(1094, FACILITY_AUDIOSTREAMING)                                                               \
    X(1490, FACILITY_TTD)                                                                          \
    X(1536, FACILITY_ACCELERATOR)                                                                  \
    X(1793, FACILITY_MOBILE)                                                                       \
    X(1967, FACILITY_SQLITE)                                                                       \
    X(1968, FACILITY_SERVICE_FABRIC)                                                               \
    X(1989, FACILITY_UTC)                                                                          \
    X(1996, FACILITY_WMAAECMA)                                                                     \
    X(2049, FACILITY_WEP)                                                                          \
    X(2050, FACILITY_SYNCENGINE)                                                                   \
    X(2168, FACILITY_DIRECTMUSIC)                                                                  \
    X(2169, FACILITY_DIRECT3D10)                                                                   \
    X(2170, FACILITY_DXGI)                                                                         \
    X(2171, FACILITY_DXGI_DDI)                                                                     \
    X(2172, FACILITY_DIRECT3D11)                                                                   \
    X(2173, FACILITY_DIRECT3D11_DEBUG)                                                             \
    X(2174, FACILITY_DIRECT3D12)                                                                   \
    X(2175, FACILITY_DIRECT3D12_DEBUG)                                                             \
    X(2176, FACILITY_DXCORE)                                                                       \
    X(2177, FACILITY_PRESENTATION)                                                                 \
    X(2184, FACILITY_LEAP)                                                                         \
    X(2185, FACILITY_AUDCLNT)                                                                      \
    X(2192, FACILITY_WINML)                                                                        \
    X(2200, FACILITY_WINCODEC_DWRITE_DWM)                                                          \
    X(2201, FACILITY_DIRECT2D)                                                                     \
    X(2304, FACILITY_DEFRAG)                                                                       \
    X(2305, FACILITY_USERMODE_SDBUS)                                                               \
    X(2306, FACILITY_JSCRIPT)                                                                      \
    X(2339, FACILITY_XBOX)                                                                         \
    X(2340, FACILITY_GAME)                                                                         \
    X(2341, FACILITY_USERMODE_UNIONFS)                                                             \
    X(2342, FACILITY_USERMODE_PRM)                                                                 \
    X(2343, FACILITY_USERMODE_WIN_ACCEL)                                                           \
    X(2344, FACILITY_PPF)                                                                          \
    X(2561, FACILITY_PIDGENX)                                                                      \
    X(2748, FACILITY_PIX)

/* ---- Win32 errors ----------------------------------------------------------
 * Common password, account, directory and connectivity errors, by code. */
#define HR_WIN32_ERRORS(X)                                                                         \
    X(0, ERROR_SUCCESS, "The operation completed successfully.")                                   \
    X(2, ERROR_FILE_NOT_FOUND, "The system cannot find the file specified.")                       \
    X(5, ERROR_ACCESS_DENIED, "Access is denied.")                                                 \
    X(8, ERROR_NOT_ENOUGH_MEMORY,                                                                  \
      "Not enough memory resources are available to process this command.")                        \
    X(14, ERROR_OUTOFMEMORY,                                                                       \
      "Not enough memory resources are available to complete this operation.")                     \
    X(53, ERROR_BAD_NETPATH, "The network path was not found.")                                    \
    X(65, ERROR_NETWORK_ACCESS_DENIED, "Network access is denied.")                                \
    X(86, ERROR_INVALID_PASSWORD, "The specified network password is not correct.")                \
    X(87, ERROR_INVALID_PARAMETER, "The parameter is incorrect.")                                  \
    X(206, ERROR_FILENAME_EXCED_RANGE, "The filename or extension is too long.")                   \
    X(1311, ERROR_NO_LOGON_SERVERS,                                                                \
      "We can't sign you in with this credential because your domain isn't available. "            \
      "Make sure your device is connected to your organization's network and try again. "          \
      "If you previously signed in on this device with another credential, you can sign "          \
      "in with that credential.")                                                                  \
    X(1314, ERROR_PRIVILEGE_NOT_HELD, "A required privilege is not held by the client.")           \
    X(1317, ERROR_NO_SUCH_USER, "The specified account does not exist.")                           \
    X(1323, ERROR_WRONG_PASSWORD,                                                                  \
      "Unable to update the password. The value provided as the current password is "              \
      "incorrect.")                                                                                \
    X(1324, ERROR_ILL_FORMED_PASSWORD,                                                             \
      "Unable to update the password. The value provided for the new password contains "           \
      "values that are not allowed in passwords.")                                                 \
    X(1325, ERROR_PASSWORD_RESTRICTION,                                                            \
      "Unable to update the password. The value provided for the new password does not "           \
      "meet the length, complexity, or history requirements of the machine or domain. Try "        \
      "increasing the length of your password, along with including upper and lowercase "          \
      "characters, numbers, and symbols.")                                                         \
    X(1326, ERROR_LOGON_FAILURE, "The user name or password is incorrect.")                        \
    X(1327, ERROR_ACCOUNT_RESTRICTION,                                                             \
      "Account restrictions are preventing this user from signing in. For example: blank "         \
      "passwords aren't allowed, sign-in times are limited, or a policy restriction has "          \
      "been enforced.")                                                                            \
    X(1328, ERROR_INVALID_LOGON_HOURS,                                                             \
      "Your account has time restrictions that keep you from signing in right now.")               \
    X(1329, ERROR_INVALID_WORKSTATION, "This user isn't allowed to sign in to this computer.")     \
    X(1330, ERROR_PASSWORD_EXPIRED, "The password for this account has expired.")                  \
    X(1331, ERROR_ACCOUNT_DISABLED,                                                                \
      "This user can't sign in because this account is currently disabled.")                       \
    X(1332, ERROR_NONE_MAPPED, "No mapping between account names and security IDs was done.")      \
    X(1355, ERROR_NO_SUCH_DOMAIN,                                                                  \
      "The specified domain either does not exist or could not be contacted.")                     \
    X(1722, RPC_S_SERVER_UNAVAILABLE, "The RPC server is unavailable.")                            \
    X(1793, ERROR_ACCOUNT_EXPIRED, "The user's account has expired.")                              \
    X(1907, ERROR_PASSWORD_MUST_CHANGE, "The user's password must be changed before signing in.")  \
    X(1908, ERROR_DOMAIN_CONTROLLER_NOT_FOUND,                                                     \
      "Could not find the domain controller for this domain.")                                     \
    X(1909, ERROR_ACCOUNT_LOCKED_OUT,                                                              \
      "The referenced account is currently locked out and may not be logged on to.")               \
    X(2245, NERR_PasswordTooShort,                                                                 \
      "The password does not meet the password policy requirements. Check the minimum "            \
      "password length, password complexity and password history requirements.")                   \
    X(8239, ERROR_DS_CONSTRAINT_VIOLATION, "A constraint violation occurred.")                     \
    X(8240, ERROR_DS_NO_SUCH_OBJECT, "There is no such object on the server.")                     \
    X(8245, ERROR_DS_UNWILLING_TO_PERFORM, "The server is unwilling to process the request.")      \
    X(8250, ERROR_DS_SERVER_DOWN, "The server is not operational.")                                \
    X(8258, ERROR_DS_CONTROL_NOT_FOUND, "The specified control is not supported by the server.")   \
    X(8333, ERROR_DS_OBJ_NOT_FOUND, "Directory object not found.")                                 \
    X(8344, ERROR_DS_INSUFF_ACCESS_RIGHTS, "Insufficient access rights to perform the operation.") \
    X(8453, ERROR_DS_DRA_ACCESS_DENIED, "Replication access was denied.")

/* One char array per string; offsetof() into it replaces a pointer. */
typedef struct {
#define HR_FACILITY_CHARS(value, name) char name[sizeof #name];
    HR_FACILITIES(HR_FACILITY_CHARS)
#undef HR_FACILITY_CHARS
#define HR_WIN32_CHARS(code, name, message)                                                        \
    char name##_name[sizeof #name];                                                                \
    char name##_text[sizeof message];
    HR_WIN32_ERRORS(HR_WIN32_CHARS)
#undef HR_WIN32_CHARS
} hr_pool_t;

static const hr_pool_t hr_pool = {
#define HR_FACILITY_INIT(value, name) #name,
    HR_FACILITIES(HR_FACILITY_INIT)
#undef HR_FACILITY_INIT
#define HR_WIN32_INIT(code, name, message) #name, message,
        HR_WIN32_ERRORS(HR_WIN32_INIT)
#undef HR_WIN32_INIT
};

typedef struct {
    uint32_t value, name;
} hr_facility_row;

static const hr_facility_row hr_facility_rows[] = {
#define HR_FACILITY_ROW(value, name) {value, offsetof(hr_pool_t, name)},
    HR_FACILITIES(HR_FACILITY_ROW)
#undef HR_FACILITY_ROW
};

typedef struct {
    uint32_t code, name, text;
} hr_win32_row;

static const hr_win32_row hr_win32_rows[] = {
#define HR_WIN32_ROW(code, name, message)                                                          \
    {code, offsetof(hr_pool_t, name##_name), offsetof(hr_pool_t, name##_text)},
    HR_WIN32_ERRORS(HR_WIN32_ROW)
#undef HR_WIN32_ROW
};

static const char *hr_str(uint32_t offset)
{
    return (const char *)&hr_pool + offset;
}

static const hr_win32_row *hr_win32_find(uint32_t code)
{
    for (size_t i = 0; i < sizeof hr_win32_rows / sizeof *hr_win32_rows; i++)
        if (hr_win32_rows[i].code == code)
            return &hr_win32_rows[i];
    return NULL;
}

/* ---- parsing --------------------------------------------------------------- */

/* The HRESULT of a code query (lex.h) that names one and no event code: what
 * sspr_lookup() reads as an HRESULT, decode reads too. */
int sspr_hresult_parse(const char *text, uint32_t *hresult)
{
    sspr__code_query q;
    if (!text || !sspr__parse_code_query(text, strlen(text), &q) || !q.has_hr || q.has_code)
        return 0;
    if (hresult)
        *hresult = q.hr;
    return 1;
}

/* ---- fields and names -------------------------------------------------------- */

unsigned sspr_hresult_severity(uint32_t hresult)
{
    return (unsigned)(hresult >> 31);
}

unsigned sspr_hresult_facility(uint32_t hresult)
{
    return (unsigned)((hresult >> 16) & 0x1FFFu);
}

unsigned sspr_hresult_code(uint32_t hresult)
{
    return (unsigned)(hresult & 0xFFFFu);
}

uint32_t sspr_hresult_from_win32(uint32_t error)
{
    if (error == 0 || (error & 0x80000000u))
        return error; /* already an HRESULT (or success), as the SDK macro leaves it */
    return 0x80070000u | (error & 0xFFFFu);
}

const char *sspr_facility_name(unsigned facility)
{
    for (size_t i = 0; i < sizeof hr_facility_rows / sizeof *hr_facility_rows; i++)
        if (hr_facility_rows[i].value == facility)
            return hr_str(hr_facility_rows[i].name);
    return NULL;
}

const char *sspr_win32_error_name(uint32_t code)
{
    const hr_win32_row *r = hr_win32_find(code);
    return r ? hr_str(r->name) : NULL;
}

const char *sspr_win32_error_message(uint32_t code)
{
    const hr_win32_row *r = hr_win32_find(code);
    return r ? hr_str(r->text) : NULL;
}
