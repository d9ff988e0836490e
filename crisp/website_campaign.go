package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// CreateNewCampaign creates a campaign with a type and a name, and returns
// the new campaign's ID.
//
//crisp:operation createNewCampaign
func (s *WebsiteService) CreateNewCampaign(ctx context.Context, websiteID string, body *api.CampaignNew) (string, error) {
	const op = "createNewCampaign"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return "", err
	}
	if err := checkBody(op, body); err != nil {
		return "", err
	}
	resp, err := s.c.api.CreateNewCampaign(ctx, websiteID, *body)
	created, err := decode[api.CampaignCreated](op, resp, err)
	if err != nil {
		return "", err
	}
	return created.CampaignID, nil
}

// CheckCampaignExists reports whether a campaign exists.
//
//crisp:operation checkCampaignExists
func (s *WebsiteService) CheckCampaignExists(ctx context.Context, websiteID, campaignID string) (bool, error) {
	const op = "checkCampaignExists"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckCampaignExists(ctx, websiteID, campaignID)
	return exists(op, resp, err)
}

// GetCampaign returns a campaign with its targeting, automation flow,
// message, options and statistics.
//
//crisp:operation getCampaign
func (s *WebsiteService) GetCampaign(ctx context.Context, websiteID, campaignID string) (*api.Campaign, error) {
	const op = "getCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetCampaign(ctx, websiteID, campaignID)
	return decode[api.Campaign](op, resp, err)
}

// SaveCampaign saves a campaign, overwriting all of its previous
// information.
//
//crisp:operation saveCampaign
func (s *WebsiteService) SaveCampaign(ctx context.Context, websiteID, campaignID string, body *api.CampaignSave) error {
	const op = "saveCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveCampaign(ctx, websiteID, campaignID, *body)
	return done(op, resp, err)
}

// UpdateCampaign updates a campaign, saving only the fields that are set
// in body.
//
//crisp:operation updateCampaign
func (s *WebsiteService) UpdateCampaign(ctx context.Context, websiteID, campaignID string, body *api.CampaignUpdate) error {
	const op = "updateCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateCampaign(ctx, websiteID, campaignID, *body)
	return done(op, resp, err)
}

// RemoveCampaign removes a campaign from a website.
//
//crisp:operation removeCampaign
func (s *WebsiteService) RemoveCampaign(ctx context.Context, websiteID, campaignID string) error {
	const op = "removeCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	resp, err := s.c.api.RemoveCampaign(ctx, websiteID, campaignID)
	return done(op, resp, err)
}

// DispatchCampaign dispatches a ready campaign: a one-shot campaign starts
// sending, an automated campaign is activated.
//
//crisp:operation dispatchCampaign
func (s *WebsiteService) DispatchCampaign(ctx context.Context, websiteID, campaignID string) error {
	const op = "dispatchCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	resp, err := s.c.api.DispatchCampaign(ctx, websiteID, campaignID, emptyBody())
	return done(op, resp, err)
}

// ResumeCampaign resumes a dispatched campaign that was paused.
//
//crisp:operation resumeCampaign
func (s *WebsiteService) ResumeCampaign(ctx context.Context, websiteID, campaignID string) error {
	const op = "resumeCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	resp, err := s.c.api.ResumeCampaign(ctx, websiteID, campaignID, emptyBody())
	return done(op, resp, err)
}

// PauseCampaign pauses a dispatched campaign, stopping its delivery until
// it is resumed.
//
//crisp:operation pauseCampaign
func (s *WebsiteService) PauseCampaign(ctx context.Context, websiteID, campaignID string) error {
	const op = "pauseCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	resp, err := s.c.api.PauseCampaign(ctx, websiteID, campaignID, emptyBody())
	return done(op, resp, err)
}

// TestCampaign sends a test delivery of a ready campaign, without
// dispatching it to its recipients.
//
//crisp:operation testCampaign
func (s *WebsiteService) TestCampaign(ctx context.Context, websiteID, campaignID string) error {
	const op = "testCampaign"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return err
	}
	resp, err := s.c.api.TestCampaign(ctx, websiteID, campaignID, emptyBody())
	return done(op, resp, err)
}

// ListCampaignRecipients returns one page (1-based) of the people profiles
// a campaign targets.
//
//crisp:operation listCampaignRecipients
func (s *WebsiteService) ListCampaignRecipients(ctx context.Context, websiteID, campaignID string, page int) ([]api.CampaignRecipient, error) {
	const op = "listCampaignRecipients"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaignRecipients(ctx, websiteID, campaignID, page)
	return decodeList[api.CampaignRecipient](op, resp, err)
}

// ListCampaignRecipientsIter walks every page of ListCampaignRecipients
// and yields the recipients one by one; it stops at the first error, which
// it yields.
func (s *WebsiteService) ListCampaignRecipientsIter(ctx context.Context, websiteID, campaignID string) iter.Seq2[api.CampaignRecipient, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.CampaignRecipient, error) {
		return s.ListCampaignRecipients(ctx, websiteID, campaignID, page)
	})
}

// ListCampaignStatistics returns one page (1-based) of the recipient
// actions of one kind (clicked, opened or unsubscribed) recorded for a
// campaign.
//
//crisp:operation listCampaignStatistics
func (s *WebsiteService) ListCampaignStatistics(ctx context.Context, websiteID, campaignID string, action api.CampaignStatisticAction, page int) ([]api.CampaignStatistic, error) {
	const op = "listCampaignStatistics"
	if err := checkPath(op, "website_id", websiteID, "campaign_id", campaignID, "action", string(action)); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaignStatistics(ctx, websiteID, campaignID, action, page)
	return decodeList[api.CampaignStatistic](op, resp, err)
}

// ListCampaignStatisticsIter walks every page of ListCampaignStatistics
// and yields the recorded actions one by one; it stops at the first error,
// which it yields.
func (s *WebsiteService) ListCampaignStatisticsIter(ctx context.Context, websiteID, campaignID string, action api.CampaignStatisticAction) iter.Seq2[api.CampaignStatistic, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.CampaignStatistic, error) {
		return s.ListCampaignStatistics(ctx, websiteID, campaignID, action, page)
	})
}
