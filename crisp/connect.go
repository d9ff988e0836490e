package crisp

import (
	"context"
	"errors"

	"github.com/crisp-go/crisp-go/api"
)

// RTMEndpoint returns the URL of the RTM socket (data.socket.app) the
// client's token should connect to, from the endpoints route of its tier:
// /plugin/connect/endpoints for a plugin token, /user/connect/endpoints for
// a user token and /website/connect/endpoints for a website token.
// A client without a token gets an error matching ErrInvalidArgument.
func (c *Client) RTMEndpoint(ctx context.Context) (string, error) {
	const op = "RTMEndpoint"
	var (
		ep  *api.ConnectEndpoints
		err error
		via string
	)
	switch c.Tier() {
	case TierPlugin:
		via = "getConnectEndpoints"
		ep, err = c.Plugin.GetConnectEndpoints(ctx)
	case TierUser:
		via = "getUserConnectEndpoints"
		ep, err = c.Plugin.GetUserConnectEndpoints(ctx)
	case TierWebsite:
		via = "getWebsiteTokenConnectEndpoints"
		ep, err = c.Plugin.GetWebsiteTokenConnectEndpoints(ctx)
	default:
		return "", invalidArg(op, "the client has no token, so no RTM endpoint route applies")
	}
	if err != nil {
		return "", err
	}
	if ep.Socket.App == "" {
		return "", &Error{Operation: via, Reason: ReasonInvalidResponse, Err: errors.New("data.socket.app is empty")}
	}
	return ep.Socket.App, nil
}
