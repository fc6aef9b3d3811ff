# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'amendment_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AmendmentDialog(object):
    def setupUi(self, AmendmentDialog):
        if not AmendmentDialog.objectName():
            AmendmentDialog.setObjectName(u"AmendmentDialog")
        AmendmentDialog.resize(680, 520)
        self.main_layout = QVBoxLayout(AmendmentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(AmendmentDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.existing_group = QGroupBox(AmendmentDialog)
        self.existing_group.setObjectName(u"existing_group")
        self.existing_layout = QVBoxLayout(self.existing_group)
        self.existing_layout.setObjectName(u"existing_layout")
        self.existing_list = QListWidget(self.existing_group)
        self.existing_list.setObjectName(u"existing_list")
        self.existing_list.setMaximumSize(QSize(16777215, 110))

        self.existing_layout.addWidget(self.existing_list)

        self.current_layout = QHBoxLayout()
        self.current_layout.setObjectName(u"current_layout")
        self.current_label = QLabel(self.existing_group)
        self.current_label.setObjectName(u"current_label")
        self.current_label.setWordWrap(True)

        self.current_layout.addWidget(self.current_label)

        self.use_button = QPushButton(self.existing_group)
        self.use_button.setObjectName(u"use_button")

        self.current_layout.addWidget(self.use_button)

        self.stop_button = QPushButton(self.existing_group)
        self.stop_button.setObjectName(u"stop_button")

        self.current_layout.addWidget(self.stop_button)


        self.existing_layout.addLayout(self.current_layout)


        self.main_layout.addWidget(self.existing_group)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.number_caption = QLabel(AmendmentDialog)
        self.number_caption.setObjectName(u"number_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_caption)

        self.number_edit = QLineEdit(AmendmentDialog)
        self.number_edit.setObjectName(u"number_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.number_edit)

        self.date_caption = QLabel(AmendmentDialog)
        self.date_caption.setObjectName(u"date_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.date_caption)

        self.date_edit = QDateEdit(AmendmentDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.signer_caption = QLabel(AmendmentDialog)
        self.signer_caption.setObjectName(u"signer_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signer_caption)

        self.signer_edit = QLineEdit(AmendmentDialog)
        self.signer_edit.setObjectName(u"signer_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signer_edit)

        self.position_caption = QLabel(AmendmentDialog)
        self.position_caption.setObjectName(u"position_caption")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.position_caption)

        self.position_edit = QLineEdit(AmendmentDialog)
        self.position_edit.setObjectName(u"position_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.position_edit)

        self.summary_caption = QLabel(AmendmentDialog)
        self.summary_caption.setObjectName(u"summary_caption")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.summary_caption)

        self.summary_edit = QPlainTextEdit(AmendmentDialog)
        self.summary_edit.setObjectName(u"summary_edit")
        self.summary_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.summary_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(AmendmentDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(AmendmentDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.number_caption.setBuddy(self.number_edit)
        self.date_caption.setBuddy(self.date_edit)
        self.signer_caption.setBuddy(self.signer_edit)
        self.position_caption.setBuddy(self.position_edit)
        self.summary_caption.setBuddy(self.summary_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AmendmentDialog)
    # setupUi

    def retranslateUi(self, AmendmentDialog):
        AmendmentDialog.setWindowTitle(QCoreApplication.translate("AmendmentDialog", u"\u0110i\u1ec1u ch\u1ec9nh, b\u1ed5 sung k\u1ebf ho\u1ea1ch", None))
        self.intro_label.setText(QCoreApplication.translate("AmendmentDialog", u"Ghi quy\u1ebft \u0111\u1ecbnh \u0111i\u1ec1u ch\u1ec9nh, b\u1ed5 sung k\u1ebf ho\u1ea1ch. T\u1eeb khi l\u01b0u, c\u00e1c nhi\u1ec7m v\u1ee5 \u0111\u01b0\u1ee3c th\u00eam, s\u1eeda ho\u1eb7c b\u00e3i b\u1ecf s\u1ebd ghi theo quy\u1ebft \u0111\u1ecbnh n\u00e0y.", None))
        self.existing_group.setTitle(QCoreApplication.translate("AmendmentDialog", u"C\u00e1c quy\u1ebft \u0111\u1ecbnh \u0111\u00e3 ghi", None))
        self.current_label.setText("")
        self.use_button.setText(QCoreApplication.translate("AmendmentDialog", u"&Ghi theo quy\u1ebft \u0111\u1ecbnh \u0111\u00e3 ch\u1ecdn", None))
        self.stop_button.setText(QCoreApplication.translate("AmendmentDialog", u"&Th\u00f4i ghi theo quy\u1ebft \u0111\u1ecbnh \u0111i\u1ec1u ch\u1ec9nh", None))
        self.number_caption.setText(QCoreApplication.translate("AmendmentDialog", u"&S\u1ed1, k\u00fd hi\u1ec7u:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("AmendmentDialog", u"V\u00ed d\u1ee5: 125/Q\u0110-UBND", None))
        self.date_caption.setText(QCoreApplication.translate("AmendmentDialog", u"&Ng\u00e0y ban h\u00e0nh:", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("AmendmentDialog", u"dd/MM/yyyy", None))
        self.signer_caption.setText(QCoreApplication.translate("AmendmentDialog", u"Ng\u01b0\u1eddi &k\u00fd:", None))
        self.position_caption.setText(QCoreApplication.translate("AmendmentDialog", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.position_edit.setPlaceholderText(QCoreApplication.translate("AmendmentDialog", u"V\u00ed d\u1ee5: PH\u00d3 CH\u1ee6 T\u1ecaCH", None))
        self.summary_caption.setText(QCoreApplication.translate("AmendmentDialog", u"&N\u1ed9i dung \u0111i\u1ec1u ch\u1ec9nh:", None))
        self.summary_edit.setPlaceholderText(QCoreApplication.translate("AmendmentDialog", u"V\u00ed d\u1ee5: b\u00e3i b\u1ecf nhi\u1ec7m v\u1ee5 2.3, b\u1ed5 sung nhi\u1ec7m v\u1ee5 v\u1ec1 chuy\u1ec3n \u0111\u1ed5i s\u1ed1", None))
        self.error_label.setText("")
    # retranslateUi

