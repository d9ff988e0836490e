package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// ListCampaignsOptions searches and filters ListCampaigns. The zero value
// lists every campaign.
type ListCampaignsOptions struct {
	// SearchName lists the campaigns whose name matches this text.
	SearchName string
	// FilterTag lists the campaigns that carry this tag.
	FilterTag string
	// FilterTypeOneShot and FilterTypeAutomated filter on the campaign type.
	FilterTypeOneShot, FilterTypeAutomated bool
	// FilterStatusNotConfigured, FilterStatusReady, FilterStatusPaused,
	// FilterStatusSending and FilterStatusDone filter on the campaign
	// status.
	FilterStatusNotConfigured, FilterStatusReady, FilterStatusPaused bool
	FilterStatusSending, FilterStatusDone                            bool
}

// params builds the generated query parameters.
func (o *ListCampaignsOptions) params() *api.ListCampaignsParams {
	if o == nil {
		return nil
	}
	return &api.ListCampaignsParams{
		SearchName:                optString(o.SearchName),
		FilterTag:                 optString(o.FilterTag),
		FilterTypeOneShot:         flag(o.FilterTypeOneShot),
		FilterTypeAutomated:       flag(o.FilterTypeAutomated),
		FilterStatusNotConfigured: flag(o.FilterStatusNotConfigured),
		FilterStatusReady:         flag(o.FilterStatusReady),
		FilterStatusPaused:        flag(o.FilterStatusPaused),
		FilterStatusSending:       flag(o.FilterStatusSending),
		FilterStatusDone:          flag(o.FilterStatusDone),
	}
}

// ListCampaigns returns one page (1-based) of a website's campaigns,
// searched and filtered by opts (which may be nil).
//
//crisp:operation listCampaigns
func (s *WebsiteService) ListCampaigns(ctx context.Context, websiteID string, page int, opts *ListCampaignsOptions) ([]api.CampaignExcerpt, error) {
	const op = "listCampaigns"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaigns(ctx, websiteID, page, opts.params())
	return decodeList[api.CampaignExcerpt](op, resp, err)
}

// ListCampaignsIter walks every page of ListCampaigns and yields the
// campaigns one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListCampaignsIter(ctx context.Context, websiteID string, opts *ListCampaignsOptions) iter.Seq2[api.CampaignExcerpt, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.CampaignExcerpt, error) {
		return s.ListCampaigns(ctx, websiteID, page, opts)
	})
}

// ListCampaignTags returns the tags used by a website's campaigns.
//
//crisp:operation listCampaignTags
func (s *WebsiteService) ListCampaignTags(ctx context.Context, websiteID string) ([]string, error) {
	const op = "listCampaignTags"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaignTags(ctx, websiteID)
	return decodeList[string](op, resp, err)
}

// ListCampaignTemplatesOptions searches and filters ListCampaignTemplates.
// The zero value lists every template.
type ListCampaignTemplatesOptions struct {
	// SearchName lists the templates whose name matches this text.
	SearchName string
	// FilterTypeStatic lists the templates provided by Crisp.
	FilterTypeStatic bool
	// FilterTypeCustom lists the templates created on the website.
	FilterTypeCustom bool
}

// params builds the generated query parameters.
func (o *ListCampaignTemplatesOptions) params() *api.ListCampaignTemplatesParams {
	if o == nil {
		return nil
	}
	return &api.ListCampaignTemplatesParams{
		SearchName:       optString(o.SearchName),
		FilterTypeStatic: flag(o.FilterTypeStatic),
		FilterTypeCustom: flag(o.FilterTypeCustom),
	}
}

// ListCampaignTemplates returns one page (1-based) of a website's campaign
// email templates, searched and filtered by opts (which may be nil).
//
//crisp:operation listCampaignTemplates
func (s *WebsiteService) ListCampaignTemplates(ctx context.Context, websiteID string, page int, opts *ListCampaignTemplatesOptions) ([]api.CampaignTemplateExcerpt, error) {
	const op = "listCampaignTemplates"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaignTemplates(ctx, websiteID, page, opts.params())
	return decodeList[api.CampaignTemplateExcerpt](op, resp, err)
}

// ListCampaignTemplatesIter walks every page of ListCampaignTemplates and
// yields the templates one by one; it stops at the first error, which it
// yields.
func (s *WebsiteService) ListCampaignTemplatesIter(ctx context.Context, websiteID string, opts *ListCampaignTemplatesOptions) iter.Seq2[api.CampaignTemplateExcerpt, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.CampaignTemplateExcerpt, error) {
		return s.ListCampaignTemplates(ctx, websiteID, page, opts)
	})
}

// CreateNewCampaignTemplate creates a campaign email template with a
// format and a name, and returns the new template's ID.
//
//crisp:operation createNewCampaignTemplate
func (s *WebsiteService) CreateNewCampaignTemplate(ctx context.Context, websiteID string, body *api.CampaignTemplateNew) (string, error) {
	const op = "createNewCampaignTemplate"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return "", err
	}
	if err := checkBody(op, body); err != nil {
		return "", err
	}
	resp, err := s.c.api.CreateNewCampaignTemplate(ctx, websiteID, *body)
	created, err := decode[api.CampaignTemplateCreated](op, resp, err)
	if err != nil {
		return "", err
	}
	return created.TemplateID, nil
}

// CheckCampaignTemplateExists reports whether a campaign template exists.
//
//crisp:operation checkCampaignTemplateExists
func (s *WebsiteService) CheckCampaignTemplateExists(ctx context.Context, websiteID, templateID string) (bool, error) {
	const op = "checkCampaignTemplateExists"
	if err := checkPath(op, "website_id", websiteID, "template_id", templateID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckCampaignTemplateExists(ctx, websiteID, templateID)
	return exists(op, resp, err)
}

// GetCampaignTemplate returns a campaign template, including its content.
//
//crisp:operation getCampaignTemplate
func (s *WebsiteService) GetCampaignTemplate(ctx context.Context, websiteID, templateID string) (*api.CampaignTemplate, error) {
	const op = "getCampaignTemplate"
	if err := checkPath(op, "website_id", websiteID, "template_id", templateID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetCampaignTemplate(ctx, websiteID, templateID)
	return decode[api.CampaignTemplate](op, resp, err)
}

// SaveCampaignTemplate saves a campaign template, overwriting all of its
// previous information.
//
//crisp:operation saveCampaignTemplate
func (s *WebsiteService) SaveCampaignTemplate(ctx context.Context, websiteID, templateID string, body *api.CampaignTemplateSave) error {
	const op = "saveCampaignTemplate"
	if err := checkPath(op, "website_id", websiteID, "template_id", templateID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveCampaignTemplate(ctx, websiteID, templateID, *body)
	return done(op, resp, err)
}

// UpdateCampaignTemplate updates a campaign template, saving only the
// fields that are set in body.
//
//crisp:operation updateCampaignTemplate
func (s *WebsiteService) UpdateCampaignTemplate(ctx context.Context, websiteID, templateID string, body *api.CampaignTemplateUpdate) error {
	const op = "updateCampaignTemplate"
	if err := checkPath(op, "website_id", websiteID, "template_id", templateID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateCampaignTemplate(ctx, websiteID, templateID, *body)
	return done(op, resp, err)
}

// RemoveCampaignTemplate removes a campaign template from a website.
//
//crisp:operation removeCampaignTemplate
func (s *WebsiteService) RemoveCampaignTemplate(ctx context.Context, websiteID, templateID string) error {
	const op = "removeCampaignTemplate"
	if err := checkPath(op, "website_id", websiteID, "template_id", templateID); err != nil {
		return err
	}
	resp, err := s.c.api.RemoveCampaignTemplate(ctx, websiteID, templateID)
	return done(op, resp, err)
}
